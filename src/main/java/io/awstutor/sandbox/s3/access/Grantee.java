package io.awstutor.sandbox.s3.access;

/**
 * Who a grant is for: a canonical user (by id), a predefined group (by URI), or a user by
 * e-mail. One record with a type rather than a sealed hierarchy so it persists as plain JSON.
 */
public record Grantee(String type, String id, String uri, String email) {
    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    public static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    public static Grantee user(String canonicalId) {
        return new Grantee("CanonicalUser", canonicalId, null, null);
    }

    public static Grantee group(String uri) {
        return new Grantee("Group", null, uri, null);
    }

    public static Grantee email(String address) {
        return new Grantee("AmazonCustomerByEmail", null, null, address);
    }

    public boolean isPublicGroup() {
        return "Group".equals(type) && (ALL_USERS.equals(uri) || AUTHENTICATED_USERS.equals(uri));
    }
}
