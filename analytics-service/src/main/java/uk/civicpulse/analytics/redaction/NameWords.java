package uk.civicpulse.analytics.redaction;

import java.util.Arrays;
import java.util.Set;

/**
 * Word lists for finding names: common first names (English and Welsh) that are taken wherever they stand, and
 * capitalised words that look like names after a cue ("spoke to Housing") but are not. First names that are also
 * everyday words or places (Will, May, Grace, Bryn, Dewi of Gŵyl Dewi) are left out of the first list; they are
 * still found after a cue ("I spoke to Will").
 */
final class NameWords {

    private NameWords() {
    }

    private static Set<String> words(String spaced) {
        return Set.copyOf(Arrays.asList(spaced.split(" ")));
    }

    static final Set<String> FIRST_NAMES = words(
            "Aaron Abbie Abigail Adam Adrian Aisha Alan Alex Alexander Alice Alison Amanda Amelia Amy Andrea Andrew Andy Angela "
            + "Anna Anne Annie Anthony Ashley Barbara Barry Becky Ben Benjamin Beth Bethan Brian Callum Cameron Carl Caroline "
            + "Carys Catherine Cerys Charles Charlie Charlotte Chloe Chris Christine Christopher Claire Clare Colin Craig Dafydd "
            + "Dan Daniel Danielle Darren Dave David Dean Debbie Deborah Delyth Denise Dennis Derek Diane Dominic Donna Dylan "
            + "Edward Eleanor Eleri Elin Elizabeth Ella Ellie Emily Emma Emyr Eric Evan Fiona Ffion Gail Gareth Gary Gemma Geoff "
            + "Geraint George Gethin Gillian Graham Gwen Gwenllian Gwyneth Hannah Harry Hayley Heather Heledd Helen Huw Hywel Ian "
            + "Ieuan Isabel Isla Iwan Jack Jacob Jake James Jamie Jane Janet Jason Jean Jennifer Jenny Jeremy Jessica Jill Jo "
            + "Joanne Joe John Jonathan Joseph Josh Joshua Julie Karen Kate Katie Kathryn Keith Kelly Kerry Kevin Kieran Kim "
            + "Laura Lauren Leanne Lee Leon Lewis Linda Lisa Liam Llinos Louise Lowri Lucy Luke Lynn Lynne Mair Mali Manon "
            + "Margaret Maria Marie Martin Mary Matt Matthew Megan Meinir Michael Michelle Mike Mohammed Muhammad Natalie Neil "
            + "Nia Nicola Nicholas Nick Nigel Oliver Olivia Osian Owain Owen Patricia Paul Pauline Peter Philip Phil Rachel Rebecca "
            + "Rhian Rhodri Rhys Richard Rob Robert Ryan Sally Sam Samantha Samuel Sandra Sarah Scott Sean Sharon Shaun Sian Siân "
            + "Simon Sioned Sophie Stacey Steffan Stephen Steve Steven Stuart Susan Suzanne Tegan Teresa Terry Thomas Tim Timothy "
            + "Tom Tomos Tony Tracey Tracy Trevor Vicky Victoria Wayne Wendy William Yvonne Zoe");

    /** Capitalised words that follow cues such as "spoke to" or "thanks" and are not people. */
    static final Set<String> NOT_NAMES = words(
            "Council Councils Team Staff Customer Customers Service Services Reception Housing Planning Highways Revenues "
            + "Benefits Contact Centre Center Hub Library Libraries Department Dept Office Officer Officers Manager Management "
            + "Environmental Health Waste Recycling Parking Licensing Registrars Social Care Education Leisure Streetscene "
            + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
            + "September October November December Christmas Easter God Everyone Everybody All Someone Somebody Nobody Anyone "
            + "The A An You Your Them Him Her It This That These Those Today Tomorrow Yesterday Tonight Welsh English Cymraeg "
            + "Saesneg British Wales England Cardiff Swansea Newport Wrexham Northmoor Eastbrook Westshire Tawel Cwm Bin Bins "
            + "Tax Band Street Road Lane Avenue Close Drive Way Park Crescent Terrace Place Court Gardens Hill Square Yes No "
            + "Please Sorry Hello Hi Dear Thanks Thank Very Really Not Now Then Again Also And But Or So Still Just Only Good "
            + "Great Excellent Poor Rubbish Terrible Lovely Helpful Rude Brilliant Fantastic Awful Diolch Cyngor Tîm Staff "
            + "Dydd Llun Mawrth Mercher Iau Gwener Sadwrn Sul Ionawr Chwefror Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref "
            + "Tachwedd Rhagfyr Nadolig Pasg Ysgol Heol Stryd Ffordd Lôn Canolfan Llyfrgell Gwasanaeth Gwasanaethau Tai "
            + "Cynllunio Priffyrdd Ailgylchu Parcio Swyddog Swyddfa Derbynfa Duw Pawb Rhywun Neb Chi Ti Fi Nhw Fe Hi Hwn "
            + "Hon Heddiw Yfory Ddoe Iawn Da Gwych Ofnadwy Hyfryd Defnyddiol Anghwrtais Mr Mrs Ms Miss Dr Cllr Sir Madam "
            + "NHS DVLA GP A&E Tesco Asda Aldi Lidl Sainsbury Sainsbury's Morrisons Boots Amazon Google Facebook Twitter "
            + "Whippy Muscle Sheen Men Blobby Bean Who Kipling Dash");

    /** Words after a capitalised word that make it a place, not a person ("John Street", "Victoria Park"). */
    static final Set<String> PLACE_WORDS = words(
            "Street St Road Rd Lane Avenue Ave Close Drive Way Park Crescent Terrace Place Court Gardens Grove Hill Square "
            + "Centre Center Library School Hall House Estate Green Row Walk View Rise Mews Field Fields Bridge Street's "
            + "Primary Comprehensive Hospital Surgery Stadium Arena Infirmary Memorial Bay Quay Wharf Market Arcade");
}
