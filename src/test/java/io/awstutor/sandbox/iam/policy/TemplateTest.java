package io.awstutor.sandbox.iam.policy;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Policy variables as "IAM policy elements: Variables and tags" defines them. */
class TemplateTest {
    private static final Function<String, String> ALICE = Map.of("aws:username", "alice")::get;
    private static final Function<String, String> NOBODY = k -> null;

    @Test
    void substitutesAndKeepsWildcards() {
        Template t = Template.parse("home/${aws:username}/*", true);
        assertFalse(t.isConstant());
        assertEquals("home/alice/*", t.resolveText(ALICE));
        assertTrue(Glob.ofTokens(t.resolve(ALICE), false).matches("home/alice/docs/x"));
        assertNull(t.resolve(NOBODY));
    }

    @Test
    void substitutedValuesAreLiteral() {
        Function<String, String> star = Map.of("aws:username", "*")::get;
        Glob g = Glob.ofTokens(Template.parse("home/${aws:username}", true).resolve(star), false);
        assertTrue(g.matches("home/*"));
        assertFalse(g.matches("home/alice"));
    }

    @Test
    void defaultsWithSpacesAndEscapedQuotes() {
        assertEquals("home/guest", Template.parse("home/${ aws:username , 'guest' }", true).resolveText(NOBODY));
        assertEquals("o'brien", Template.parse("${aws:username, 'o''brien'}", true).resolveText(NOBODY));
        assertEquals("alice", Template.parse("${aws:username, 'guest'}", true).resolveText(ALICE));
        assertNull(Template.parse("${aws:username, guest}", true).resolveText(NOBODY), "an unquoted default is malformed");
    }

    @Test
    void specialCharacters() {
        Template t = Template.parse("a${*}b${?}c${$}d", true);
        assertTrue(t.isConstant());
        Glob g = Glob.ofTokens(t.constantTokens(), false);
        assertTrue(g.matches("a*b?c$d"));
        assertFalse(g.matches("axbycd$d"));
    }

    @Test
    void onlyOneRoundOfSubstitution() {
        Function<String, String> sneaky = Map.of("aws:username", "${aws:userid}", "aws:userid", "AIDA")::get;
        assertEquals("${aws:userid}", Template.parse("${aws:username}", true).resolveText(sneaky));
    }

    @Test
    void version2008HasNoVariables() {
        Template t = Template.parse("home/${aws:username}", false);
        assertTrue(t.isConstant());
        assertEquals("home/${aws:username}", t.resolveText(ALICE));
    }
}
