package io.awstutor.testing;

import io.awstutor.sandbox.auth.Authorizer;

/** For tests of the HTTP and protocol layers alone: every caller may do everything. */
public final class AllowAll {
    public static final Authorizer AUTHORIZER = (caller, action, resource, context, policy) ->
            new Authorizer.Decision(true, false, Authorizer.Basis.IDENTITY_POLICY, "allowed: no policies in this test");

    private AllowAll() {
    }
}
