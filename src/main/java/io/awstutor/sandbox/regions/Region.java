package io.awstutor.sandbox.regions;

import java.util.List;

/**
 * A commercial AWS region as the sandbox knows it: its code, where it is, the letters of
 * its availability zones, and whether an account must opt in before using it.
 */
public record Region(String name, String location, List<Character> zoneLetters, boolean optIn) {

    public List<String> zoneNames() {
        return zoneLetters.stream().map(letter -> name + letter).toList();
    }

    /**
     * AWS's zone ids are per account; the sandbox uses one stable mapping, e.g. use1-az1. The
     * prefix is AWS's: the area code, the direction in initials (northeast is "ne", central
     * "c") and the number, as in apne1, apse2, euc1, cac1.
     */
    public String zoneId(char letter) {
        String[] parts = name.split("-");
        StringBuilder prefix = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            prefix.append(Character.isDigit(parts[i].charAt(0)) ? parts[i] : initials(parts[i]));
        }
        return prefix + "-az" + (zoneLetters.indexOf(letter) + 1);
    }

    private static String initials(String direction) {
        return switch (direction) {
            case "northeast" -> "ne";
            case "northwest" -> "nw";
            case "southeast" -> "se";
            case "southwest" -> "sw";
            default -> direction.substring(0, 1);
        };
    }
}
