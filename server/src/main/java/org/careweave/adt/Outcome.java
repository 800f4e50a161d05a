package org.careweave.adt;

/** What applying one message did, as recorded in the log and told to the sender. */
record Outcome(MessageStatus status, Acknowledgements.Code ack, String reason, Long personId, Long encounterItemId) {

    static Outcome applied(long personId, Long encounterItemId, String note) {
        return new Outcome(MessageStatus.APPLIED, Acknowledgements.Code.AA, note, personId, encounterItemId);
    }

    static Outcome unmatched(String reason) {
        return new Outcome(MessageStatus.UNMATCHED, Acknowledgements.Code.AA, reason, null, null);
    }

    static Outcome failed(String reason) {
        return new Outcome(MessageStatus.FAILED, Acknowledgements.Code.AE, reason, null, null);
    }
}
