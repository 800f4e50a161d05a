package org.careweave.worklist;

/** A task cannot go from its current status to the one asked for (e.g. starting a completed task). */
public class TaskTransitionRefused extends RuntimeException {

    public TaskTransitionRefused(String message) {
        super(message);
    }
}
