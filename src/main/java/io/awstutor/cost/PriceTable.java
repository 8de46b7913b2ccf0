package io.awstutor.cost;

import io.awstutor.sandbox.pricing.FreeTierAllowance;
import io.awstutor.sandbox.pricing.PriceListProduct;
import io.awstutor.sandbox.pricing.PriceSnapshot;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the guard, the ledger and {@code /cost} quote: a view of the one bundled price
 * snapshot ({@link PriceSnapshot}, which the sandbox's Price List API serves too), so a
 * figure the learner reads in a cost note is the figure GetProducts answers. It names its
 * date, since prices change and a learner should know how old the figure is.
 */
public final class PriceTable {
    private static final PriceTable BUNDLED = new PriceTable(PriceSnapshot::bundled);

    private final java.util.function.Supplier<PriceSnapshot> source;
    /**
     * Parsed at the first price asked for, not when the shell builds its cost guard and desk:
     * that was about 25 ms of JSON on the way to the first step, for a figure most sessions
     * quote minutes later, if at all.
     */
    private volatile PriceSnapshot snapshot;

    private PriceTable(java.util.function.Supplier<PriceSnapshot> source) {
        this.source = source;
    }

    public static PriceTable bundled() {
        return BUNDLED;
    }

    public PriceSnapshot snapshot() {
        PriceSnapshot parsed = snapshot;
        if (parsed == null) {
            parsed = source.get(); // two threads may both parse it: equal snapshots either way
            snapshot = parsed;
        }
        return parsed;
    }
    public String source() { return snapshot().source(); }
    public String region() { return snapshot().region(); }
    public String date() { return snapshot().date(); }
    public double hoursPerMonth() { return snapshot().hoursPerMonth(); }
    public String freeTierNote() { return snapshot().freeTierNote(); }

    /** "us-east-1 list prices of 2026-03-20" — the caveat every estimate carries. */
    public String provenance() {
        return region() + " list prices of " + date();
    }

    public OptionalDouble ec2Hourly(String instanceType) {
        return instanceType == null ? OptionalDouble.empty() : snapshot().ec2Hourly(instanceType);
    }

    /** Single-AZ MySQL, the figure a class is quoted at when nothing more is known. */
    public OptionalDouble rdsHourly(String instanceClass) {
        return rdsHourly(instanceClass, "mysql", false);
    }

    /**
     * A DB instance class for an RDS engine name as the API spells it ("postgres",
     * "aurora-mysql"), Single- or Multi-AZ; an engine the snapshot lacks for that class is
     * quoted at MySQL's price.
     */
    public OptionalDouble rdsHourly(String instanceClass, String engine, boolean multiAz) {
        if (instanceClass == null) {
            return OptionalDouble.empty();
        }
        OptionalDouble exact = snapshot().rdsHourly(instanceClass, PriceSnapshot.databaseEngine(engine), multiAz);
        return exact.isPresent() ? exact : snapshot().rdsHourly(instanceClass, "MySQL", multiAz);
    }

    public boolean ec2FreeTierType(String instanceType) {
        return allowance("AmazonEC2", "BoxUsage:" + instanceType) != null;
    }

    public boolean rdsFreeTierClass(String instanceClass) {
        return allowance("AmazonRDS", "InstanceUsage:" + instanceClass) != null;
    }

    public String ec2FreeTier() { return note("AmazonEC2", "BoxUsage:t3.micro"); }
    public String rdsFreeTier() { return note("AmazonRDS", "InstanceUsage:db.t3.micro"); }
    public int rdsFreeTierStorageGb() { return (int) allowance("AmazonRDS", "RDS:GP2-Storage").limit(); }
    public String rdsNote() { return snapshot().note("rds"); }
    public double rdsStorageGbMonth() { return rdsStorageGbMonth(false); }
    public double rdsStorageGbMonth(boolean multiAz) { return snapshot().rdsStorageGbMonth(multiAz); }
    public double ebsGbMonth() { return price("AmazonEC2", "EBS:VolumeUsage.gp3"); }
    public double auroraServerlessAcuHour() { return price("AmazonRDS", "Aurora:ServerlessV2Usage"); }
    /** One Cost Explorer API request (the console is free). */
    public double costExplorerRequest() { return price("AWSCostExplorer", "APIRequest"); }
    public double natGatewayHour() { return price("AmazonEC2", "NatGateway-Hours"); }

    public String natGatewayNote() {
        return "plus " + Estimate.usd(price("AmazonEC2", "NatGateway-Bytes")) + " per GB it processes; no free tier";
    }

    public double publicIpv4Hour() { return price("AmazonVPC", "PublicIPv4:InUseAddress"); }
    public String publicIpv4Note() { return note("AmazonVPC", "PublicIPv4:InUseAddress"); }
    public double cloudFrontPerGb() { return price("AmazonCloudFront", "US-DataTransfer-Out-Bytes"); }
    public String cloudFrontNote() { return note("AmazonCloudFront", "US-DataTransfer-Out-Bytes"); }
    public double s3GbMonth() { return price("AmazonS3", "TimedStorage-ByteHrs"); }
    public double s3FreeTierGb() { return allowance("AmazonS3", "TimedStorage-ByteHrs").limit(); }
    public String s3Note() { return note("AmazonS3", "TimedStorage-ByteHrs"); }
    public double sesPerThousand() { return price("AmazonSES", "Recipients") * 1000; }
    public int sesFreeMessages() { return (int) allowance("AmazonSES", "Recipients").limit(); }
    public String sesNote() { return note("AmazonSES", "Recipients") + "; " + snapshot().note("ses"); }

    public List<String> ec2Types() {
        return snapshot().products("AmazonEC2").stream().map(p -> p.attribute("instanceType")).filter(t -> t != null).toList();
    }

    public List<String> rdsClasses() {
        return snapshot().products("AmazonRDS").stream().map(p -> p.attribute("instanceType")).filter(c -> c != null)
                .distinct().toList();
    }

    /** An EC2 instance type's standard reserved terms (1 and 3 years; no, partial, all upfront), if the snapshot has them. */
    public List<PriceListProduct.Reserved> ec2Reserved(String instanceType) {
        return snapshot().product("AmazonEC2", "BoxUsage:" + instanceType, Map.of()).map(PriceListProduct::reserved)
                .orElse(List.of());
    }

    private double price(String serviceCode, String usageType) {
        return snapshot().unitPrice(serviceCode, usageType, Map.of()).orElseThrow(() ->
                new IllegalStateException("the price snapshot lacks " + serviceCode + " " + usageType));
    }

    private FreeTierAllowance allowance(String serviceCode, String usageType) {
        return snapshot().freeTierFor(serviceCode, usageType).orElse(null);
    }

    private String note(String serviceCode, String usageType) {
        FreeTierAllowance a = allowance(serviceCode, usageType);
        return a == null ? "not covered by the free tier" : a.note();
    }
}
