package io.awstutor.sandbox.ec2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance types the sandbox launches: the t2, t3, t3a, t4g, m5 and c5 families with
 * AWS's published vCPU and memory figures.
 */
public final class InstanceTypes {
    private static final Map<String, InstanceType> ALL = new LinkedHashMap<>();

    static {
        String[] sizes = {"nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"};
        int[] t2Cpu = {1, 1, 1, 2, 2, 4, 8};
        int[] t3Cpu = {2, 2, 2, 2, 2, 4, 8};
        long[] memory = {512, 1024, 2048, 4096, 8192, 16384, 32768};
        for (int i = 0; i < sizes.length; i++) {
            String size = sizes[i];
            add(new InstanceType("t2." + size, t2Cpu[i], t2Cpu[i], 1, memory[i], "x86_64", "Intel", 2.3, "xen", true,
                    size.equals("micro"), i < 4 ? "Low to Moderate" : "Moderate"));
        }
        for (int i = 0; i < sizes.length; i++) {
            String size = sizes[i];
            String network = "Up to 5 Gigabit";
            add(new InstanceType("t3." + size, t3Cpu[i], t3Cpu[i] / 2, 2, memory[i], "x86_64", "Intel", 2.5, "nitro", true,
                    size.equals("micro") || size.equals("small"), network));
            add(new InstanceType("t3a." + size, t3Cpu[i], t3Cpu[i] / 2, 2, memory[i], "x86_64", "AMD", 2.2, "nitro", true,
                    false, network));
            add(new InstanceType("t4g." + size, t3Cpu[i], t3Cpu[i], 1, memory[i], "arm64", "AWS", 2.5, "nitro", true,
                    size.equals("micro") || size.equals("small"), network));
        }
        String[] bigSizes = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"};
        int[] bigCpu = {2, 4, 8, 16, 32, 48, 64, 96};
        for (int i = 0; i < bigSizes.length; i++) {
            String network = i < 4 ? "Up to 10 Gigabit" : i < 5 ? "10 Gigabit" : i < 6 ? "12 Gigabit" : i < 7 ? "20 Gigabit" : "25 Gigabit";
            add(new InstanceType("m5." + bigSizes[i], bigCpu[i], bigCpu[i] / 2, 2, bigCpu[i] * 4096L, "x86_64", "Intel",
                    3.1, "nitro", false, false, network));
        }
        String[] cSizes = {"large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge"};
        int[] cCpu = {2, 4, 8, 16, 36, 48, 72, 96};
        for (int i = 0; i < cSizes.length; i++) {
            String network = i < 4 ? "Up to 10 Gigabit" : i < 6 ? "12 Gigabit" : "25 Gigabit";
            add(new InstanceType("c5." + cSizes[i], cCpu[i], cCpu[i] / 2, 2, cCpu[i] * 2048L, "x86_64", "Intel",
                    3.4, "nitro", false, false, network));
        }
    }

    private InstanceTypes() {
    }

    private static void add(InstanceType type) {
        ALL.put(type.name(), type);
    }

    public static List<InstanceType> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<InstanceType> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }
}
