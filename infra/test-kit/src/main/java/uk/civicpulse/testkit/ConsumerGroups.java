package uk.civicpulse.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.ConsumerGroupState;

import java.util.List;
import java.util.concurrent.ExecutionException;

/** What the broker says of a consumer group: its state (EMPTY once it has put every member out) and its members. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    public static ConsumerGroupDescription describe(Admin admin, String group) throws ExecutionException, InterruptedException {
        return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
    }

    /** {@link ConsumerGroupState} is deprecated in these Kafka clients; the warning is kept in this one place. */
    @SuppressWarnings("deprecation")
    public static ConsumerGroupState state(Admin admin, String group) throws ExecutionException, InterruptedException {
        return describe(admin, group).state();
    }

    public static int members(Admin admin, String group) throws ExecutionException, InterruptedException {
        return describe(admin, group).members().size();
    }
}
