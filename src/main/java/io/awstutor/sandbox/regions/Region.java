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

    /** AWS's zone ids are per account; the sandbox uses one stable mapping, e.g. use1-az1. */
    public String zoneId(char letter) {
        String[] parts = name.split("-");
        StringBuilder prefix = new StringBuilder();
        for (String part : parts) {
            prefix.append(Character.isDigit(part.charAt(0)) ? part : part.substring(0, Math.min(part.length(), part.equals("east") || part.equals("west") || part.equals("south") || part.equals("north") || part.equals("central") ? 1 : 2)));
        }
        return prefix + "-az" + (zoneLetters.indexOf(letter) + 1);
    }
}
