package org.switchboard.billing.tariff;

import java.util.List;

/**
 * Longest-prefix lookup over digit strings: a trie with ten children per node, so a lookup costs
 * one step per digit and allocates nothing. Immutable after construction; thread-safe.
 */
public final class PrefixTable {

    private static final class Node {
        final Node[] next = new Node[10];
        PrefixRule rule;
    }

    private final Node root = new Node();
    private final int size;

    /** Fails on a duplicate prefix, naming both lines. */
    public PrefixTable(List<PrefixRule> rules) {
        for (PrefixRule r : rules) {
            Node n = root;
            for (int i = 0; i < r.prefix().length(); i++) {
                int d = r.prefix().charAt(i) - '0';
                if (n.next[d] == null) {
                    n.next[d] = new Node();
                }
                n = n.next[d];
            }
            if (n.rule != null) {
                throw new IllegalArgumentException("prefix " + r.prefix() + " on line " + r.line()
                        + " is already defined on line " + n.rule.line());
            }
            n.rule = r;
        }
        this.size = rules.size();
    }

    /** The rule with the longest prefix of {@code digits}, or null. Non-digits end the match. */
    public PrefixRule longestMatch(CharSequence digits) {
        Node n = root;
        PrefixRule best = null;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9 || (n = n.next[d]) == null) {
                break;
            }
            if (n.rule != null) {
                best = n.rule;
            }
        }
        return best;
    }

    public int size() {
        return size;
    }
}
