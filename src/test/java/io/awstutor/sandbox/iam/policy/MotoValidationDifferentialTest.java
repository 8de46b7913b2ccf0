package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Our document validation beside moto's (its IAM policy validators, which were written against
 * AWS's answers): the same verdict and message for every document, except where moto and AWS
 * differ, listed in {@link #AWS_WINS} with the reason; there we assert AWS's answer.
 */
class MotoValidationDifferentialTest {

    private static final String MOTO_SCRIPT = String.join("\n",
            "import sys",
            "from moto.iam.policy_validation import IAMPolicyDocumentValidator, IAMTrustPolicyDocumentValidator",
            "for line in open(sys.argv[1], encoding='utf-8'):",
            "    kind, doc = line.rstrip('\\n').split('\\t', 1)",
            "    v = IAMTrustPolicyDocumentValidator(doc) if kind == 'TRUST' else IAMPolicyDocumentValidator(doc)",
            "    try:",
            "        v.validate(); print('OK')",
            "    except Exception as e:",
            "        print(getattr(e, 'message', None) or str(e))");

    private record Doc(String name, PolicyKind kind, String json) {}

    /** Documents where moto's answer is not AWS's: name -> AWS's answer (and why, in the comment). */
    private static final Map<String, String> AWS_WINS = Map.of(
            // "IAM JSON policy elements: Principal": identity-based policies cannot name a principal; moto accepts it
            "identity policy naming a principal", "Policy document should not specify a principal.",
            // CreateRole answers "Has prohibited field Resource" without a period (seen in AWS responses); moto adds one
            "trust policy with a Resource", "Has prohibited field Resource",
            // "Role trust policies" must name who may assume the role; moto does not check
            "trust policy without Principal", "Missing required field Principal",
            // CreateRole words a JSON error as "This policy contains invalid Json"; moto uses the policy APIs' text
            "trust policy that is not JSON", "This policy contains invalid Json");

    private static List<Doc> documents() {
        List<Doc> d = new ArrayList<>();
        String ok = "'Effect':'Allow','Action':'s3:*','Resource':'*'";
        m(d, "valid", "{'Version':'2012-10-17','Statement':[{" + ok + "}]}");
        m(d, "valid with conditions", "{'Version':'2012-10-17','Statement':[{" + ok + ",'Condition':{'StringLike':{'s3:prefix':'a/*'},"
                + "'ForAnyValue:StringEqualsIfExists':{'aws:TagKeys':['a','b']},'DateGreaterThan':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}}]}");
        m(d, "valid NotAction NotResource", "{'Version':'2012-10-17','Statement':{'Effect':'Deny','NotAction':'iam:*','NotResource':'arn:aws:s3:::b/*'}}");
        m(d, "not JSON", "{'Version':'2012-10-17',");
        m(d, "no Version", "{'Statement':[{" + ok + "}]}");
        m(d, "version 2008-10-17", "{'Version':'2008-10-17','Statement':[{" + ok + "}]}");
        m(d, "unknown version", "{'Version':'2020-01-01','Statement':[{" + ok + "}]}");
        m(d, "no Statement", "{'Version':'2012-10-17'}");
        m(d, "unknown top-level element", "{'Version':'2012-10-17','Statements':[{" + ok + "}]}");
        m(d, "missing Effect", "{'Version':'2012-10-17','Statement':[{'Action':'s3:*','Resource':'*'}]}");
        m(d, "lower-case Effect", "{'Version':'2012-10-17','Statement':[{'Effect':'allow','Action':'s3:*','Resource':'*'}]}");
        m(d, "unknown Effect", "{'Version':'2012-10-17','Statement':[{'Effect':'Permit','Action':'s3:*','Resource':'*'}]}");
        m(d, "unknown statement element", "{'Version':'2012-10-17','Statement':[{" + ok + ",'Actions':'s3:*'}]}");
        m(d, "Action and NotAction", "{'Version':'2012-10-17','Statement':[{" + ok + ",'NotAction':'iam:*'}]}");
        m(d, "no Action", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Resource':'*'}]}");
        m(d, "no Resource", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:*'}]}");
        m(d, "action without vendor", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'GetObject','Resource':'*'}]}");
        m(d, "action with two colons", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:a:b','Resource':'*'}]}");
        m(d, "resource not an ARN", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:*','Resource':'bucket'}]}");
        m(d, "duplicate Sid", "{'Version':'2012-10-17','Statement':[{'Sid':'A'," + ok + "},{'Sid':'A'," + ok + "}]}");
        m(d, "unknown condition operator", "{'Version':'2012-10-17','Statement':[{" + ok + ",'Condition':{'StringEqualz':{'aws:username':'a'}}}]}");
        m(d, "condition value an object", "{'Version':'2012-10-17','Statement':[{" + ok + ",'Condition':{'StringEquals':{'aws:username':{'a':'b'}}}}]}");
        m(d, "date condition that is no date", "{'Version':'2012-10-17','Statement':[{" + ok + ",'Condition':{'DateLessThan':{'aws:CurrentTime':'next tuesday'}}}]}");
        m(d, "date condition in epoch seconds", "{'Version':'2012-10-17','Statement':[{" + ok + ",'Condition':{'DateLessThan':{'aws:EpochTime':'1767225600'}}}]}");
        m(d, "numeric Action", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':1,'Resource':'*'}]}");
        m(d, "identity policy naming a principal", "{'Version':'2012-10-17','Statement':[{" + ok + ",'Principal':{'AWS':'*'}}]}");
        t(d, "valid trust policy", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},'Action':'sts:AssumeRole'}]}");
        t(d, "trust policy with a Resource", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'000000000000'},'Action':'sts:AssumeRole','Resource':'*'}]}");
        t(d, "trust policy with a non-sts action", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'000000000000'},'Action':'s3:GetObject'}]}");
        t(d, "trust policy without Principal", "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'sts:AssumeRole'}]}");
        t(d, "trust policy that is not JSON", "{'Version':'2012-10-17','Statement':[");
        return d;
    }

    private static void m(List<Doc> d, String name, String json) {
        d.add(new Doc(name, PolicyKind.MANAGED, json.replace('\'', '"')));
    }

    private static void t(List<Doc> d, String name, String json) {
        d.add(new Doc(name, PolicyKind.TRUST, json.replace('\'', '"')));
    }

    private static String ours(Doc doc) {
        try {
            PolicyDocument.parse(doc.json(), doc.kind());
            return "OK";
        } catch (AwsException e) {
            return e.getMessage();
        }
    }

    @Test
    void sameVerdictsAsMotoExceptWhereAwsDiffers(@TempDir Path dir) throws Exception {
        Optional<Path> python = ExternalTools.find("python3").filter(p ->
                ExternalTools.run(List.of(p.toString(), "-c", "import moto.iam.policy_validation"), Map.of(), 120).exitCode() == 0);
        ExternalTools.require(python.isPresent(), "python3 with moto");
        List<Doc> docs = documents();
        StringBuilder input = new StringBuilder();
        for (Doc doc : docs) input.append(doc.kind() == PolicyKind.TRUST ? "TRUST" : "MANAGED").append('\t').append(doc.json()).append('\n');
        Path file = dir.resolve("docs.tsv");
        Files.writeString(file, input, StandardCharsets.UTF_8);
        ExternalTools.Result r = ExternalTools.run(List.of(python.get().toString(), "-c", MOTO_SCRIPT, file.toString()), Map.of(), 120);
        assertEquals(0, r.exitCode(), r::toString);
        String[] moto = r.stdout().split("\n");
        assertEquals(docs.size(), moto.length, r::toString);

        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            Doc doc = docs.get(i);
            String aws = AWS_WINS.get(doc.name());
            if (aws != null && aws.equals(moto[i].trim())) {
                throw new AssertionError(doc.name() + ": moto now agrees with AWS; drop it from AWS_WINS");
            }
            expected.put(doc.name(), aws != null ? aws : moto[i].trim());
            actual.put(doc.name(), ours(doc));
        }
        assertEquals(expected, actual);
    }
}
