package net.outageherald.source.ripestat;

/** The allowance of requests towards RIPEstat, shared by all data calls: one token per HTTP request. */
public interface RequestBudget {

    /** Takes one token, waiting for it within the budget's own bound; false when none came in time. */
    boolean acquire() throws InterruptedException;

    /** Takes one token if one is available right now; never waits. */
    boolean tryAcquire();

    /** No limit at all, for callers that budget elsewhere. */
    static RequestBudget unlimited() {
        return new RequestBudget() {
            @Override
            public boolean acquire() {
                return true;
            }

            @Override
            public boolean tryAcquire() {
                return true;
            }
        };
    }
}
