package io.awstutor.target;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {
    @Test
    void whatNamesASecretIsNotOne() {
        String arn = "arn:aws:secretsmanager:us-east-1:000000000000:secret:learn-abcd-login-Ab12Cd";
        assertEquals("b.secretArn(\"" + arn + "\")", Secrets.maskInText("b.secretArn(\"" + arn + "\")"));
        assertEquals("b.secretId(\"learn-abcd-login\")", Secrets.maskInText("b.secretId(\"learn-abcd-login\")"));
        assertFalse(Secrets.maskInText("b.secretString(\"{\\\"password\\\":\\\"x\\\"}\")").contains("password"));
    }

    @Test
    void secretsInFreeTextAreMaskedAndOrdinaryCodeIsNot() {
        String key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        assertEquals("var s = \"wJal…(40 chars, hidden)\";", Secrets.maskInText("var s = \"" + key + "\";"));
        assertFalse(Secrets.maskInText("b.masterUserPassword(\"hunter2-long\")").contains("hunter2"));
        assertFalse(Secrets.maskInText("password = \"short\"").contains("short"));
        String token = "IQoJb3JpZ2luX2VjEJr" + "A".repeat(150) + "Zz9";
        assertFalse(Secrets.maskInText("token " + token).contains(token));
        String code = "iam.createUser(b -> b.userName(prefix + \"-alice\"));";
        assertEquals(code, Secrets.maskInText(code));
        assertTrue(Secrets.maskInText("AKIAIOSFODNN7EXAMPLE").contains("AKIAIOSFODNN7EXAMPLE"));
        assertEquals("ThisIsAnOrdinaryLongIdentifierNameWithout", Secrets.maskInText("ThisIsAnOrdinaryLongIdentifierNameWithout"));
    }
}
