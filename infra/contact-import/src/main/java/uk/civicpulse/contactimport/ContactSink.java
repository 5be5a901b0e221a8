package uk.civicpulse.contactimport;

import uk.civicpulse.events.ContactHandled;

/** Where valid rows go. Sends are asynchronous; {@link #finish()} waits until every one is acknowledged or has failed. */
interface ContactSink extends AutoCloseable {

    /** Called once per row that could not be delivered. */
    interface Failure {
        void failed(long line, String reason);
    }

    void send(long line, ContactHandled contact, Failure onFailure);

    /** Waits for every send; returns how many were acknowledged. */
    long finish() throws InterruptedException;

    @Override
    void close();
}
