package io.awstutor.sandbox.iam.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Wildcards, IP ranges and dates as conditions and resources compare them. */
class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "*|anything|true", "*|''|true", "a*|a|true", "a*b|ab|true", "a*b|axxb|true", "a*b|axxbc|false",
            "*a*b*|xxaxxbxx|true", "*a*b*|xxbxxaxx|false", "a?c|abc|true", "a?c|ac|false", "a??|abc|true",
            "a*?|a|false", "abc|abc|true", "abc|abd|false", "''|''|true", "''|x|false", "**|x|true",
    })
    void globs(String pattern, String text, boolean expected) {
        assertEquals(expected, Glob.of(pattern, false).matches(text));
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "arn:aws:s3:::b/*|arn:aws:s3:::b/k|true", "arn:aws:s3:::b/*|arn:aws:s3:::b|false",
            "arn:aws:*:*:*:*|arn:aws:s3:::b|true", "arn:aws:ec2:*:123456789012:*|arn:aws:ec2:us-east-1:123456789012:vpc/v|true",
            "arn:aws:ec2:*:123456789012:*|arn:aws:ec2:us-east-1:999999999999:vpc/v|false",
            "arn:aws:iam::*:role/a:b|arn:aws:iam::1:role/a:b|true", "arn:*|arn:aws:s3:::b|true",
            "*|*|true", "arn:aws:s3:::*|*|false", "arn:aws:s3:::b|arn:aws:s3:::b|true",
    })
    void arns(String pattern, String arn, boolean expected) {
        assertEquals(expected, ArnGlob.of(pattern).matches(arn));
    }

    @ParameterizedTest(name = "{0} contains {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "10.0.0.0/8|10.255.1.1|true", "10.0.0.0/8|11.0.0.1|false", "192.168.1.0/25|192.168.1.127|true",
            "192.168.1.0/25|192.168.1.128|false", "0.0.0.0/0|8.8.8.8|true", "203.0.113.7|203.0.113.7|true",
            "2001:db8::/32|2001:db8:ffff::1|true", "2001:db8::/32|2001:db9::1|false", "::1/128|::1|true",
            "10.0.0.0/8|2001:db8::1|false", "10.0.0.0/8|not-an-ip|false", "10.0.0.0/8|10.1.0.0/16|true",
    })
    void cidrs(String cidr, String address, boolean expected) {
        assertEquals(expected, Values.cidr(cidr).contains(address));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-01-01T00:00:00Z|1767225600000", "2026-01-01|1767225600000", "1767225600|1767225600000",
            "2026-01-01T01:00:00+01:00|1767225600000", "2026-01-01T00:00Z|1767225600000", "2026-01-01T00:00:00.5Z|1767225600500",
            "2026-01-01T00:00:00|1767225600000",
    })
    void dates(String text, long millis) {
        assertEquals(millis, Values.epochMillis(text));
    }
}
