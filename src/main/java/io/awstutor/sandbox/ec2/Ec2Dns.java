package io.awstutor.sandbox.ec2;

/** The DNS names AWS gives instances: ip-172-31-5-6.ec2.internal, ec2-3-85-1-2.compute-1.amazonaws.com. */
public final class Ec2Dns {
    private Ec2Dns() {
    }

    public static String privateName(String region, String privateIp) {
        if (privateIp == null) {
            return "";
        }
        String host = "ip-" + privateIp.replace('.', '-');
        return region.equals("us-east-1") ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
    }

    public static String publicName(String region, String publicIp) {
        if (publicIp == null) {
            return "";
        }
        String host = "ec2-" + publicIp.replace('.', '-');
        return region.equals("us-east-1") ? host + ".compute-1.amazonaws.com" : host + "." + region + ".compute.amazonaws.com";
    }
}
