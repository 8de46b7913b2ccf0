package io.awstutor.sandbox.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.target.AwsJsonClient;
import io.awstutor.target.JsonApi;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox's Price List API answers AWS's shapes from the one price snapshot, for the tutor's client and boto3. */
class PriceListApiTest {
    private static TestSandbox box;
    private static AwsJsonClient pricing;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        pricing = new AwsJsonClient(JsonApi.PRICING, box.endpoint(), "us-east-1",
                StaticCredentialsProvider.create(TestSandbox.root()), Clock.systemUTC(), AwsJsonClient.CallReview.NONE);
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static JsonNode t3micro() {
        JsonNode answer = pricing.call("GetProducts", Map.of("ServiceCode", "AmazonEC2", "Filters", List.of(
                Map.of("Type", "TERM_MATCH", "Field", "instanceType", "Value", "t3.micro"),
                Map.of("Type", "TERM_MATCH", "Field", "operatingSystem", "Value", "Linux"))));
        assertEquals("aws_v1", answer.path("FormatVersion").asText());
        assertEquals(1, answer.path("PriceList").size(), answer.toString());
        return AwsJsonClient.parse(answer.path("PriceList").get(0).asText());
    }

    @Test
    void aKnownProductsPriceIsTheSnapshots() {
        JsonNode product = t3micro();
        assertEquals("CRAJUW7BTXFMT2UJ", product.at("/product/sku").asText());
        assertEquals("BoxUsage:t3.micro", product.at("/product/attributes/usagetype").asText());
        JsonNode onDemand = product.at("/terms/OnDemand").elements().next();
        JsonNode dimension = onDemand.path("priceDimensions").elements().next();
        assertEquals("Hrs", dimension.path("unit").asText());
        double price = Double.parseDouble(dimension.at("/pricePerUnit/USD").asText());
        assertEquals(PriceSnapshot.bundled().ec2Hourly("t3.micro").getAsDouble(), price, 1e-12);
        assertEquals(0.0104, price, 1e-12);
        assertEquals(PriceSnapshot.bundled().publicationDate(), product.path("publicationDate").asText());
    }

    @Test
    void reservedTermsCoverOneAndThreeYearsWithEveryPaymentOption() {
        JsonNode reserved = t3micro().at("/terms/Reserved");
        Set<String> seen = new HashSet<>();
        reserved.elements().forEachRemaining(term -> {
            JsonNode attributes = term.path("termAttributes");
            seen.add(attributes.path("LeaseContractLength").asText() + " " + attributes.path("PurchaseOption").asText());
            assertEquals("standard", attributes.path("OfferingClass").asText());
        });
        assertEquals(Set.of("1yr No Upfront", "1yr Partial Upfront", "1yr All Upfront", "3yr No Upfront", "3yr Partial Upfront",
                "3yr All Upfront"), seen);
        JsonNode allUpfront = reserved.path("CRAJUW7BTXFMT2UJ.6QCMYABX3D").path("priceDimensions");
        assertEquals("53.0000000000", allUpfront.at("/CRAJUW7BTXFMT2UJ.6QCMYABX3D.2TG2D8R56U/pricePerUnit/USD").asText());
        assertEquals("Quantity", allUpfront.at("/CRAJUW7BTXFMT2UJ.6QCMYABX3D.2TG2D8R56U/unit").asText());
    }

    @Test
    void filtersPagesAndAttributeValues() {
        JsonNode multiAz = pricing.call("GetProducts", Map.of("ServiceCode", "AmazonRDS", "Filters", List.of(
                Map.of("Type", "TERM_MATCH", "Field", "instanceType", "Value", "db.t3.micro"),
                Map.of("Type", "TERM_MATCH", "Field", "databaseEngine", "Value", "PostgreSQL"),
                Map.of("Type", "TERM_MATCH", "Field", "deploymentOption", "Value", "Multi-AZ"))));
        assertEquals(1, multiAz.path("PriceList").size());
        assertTrue(multiAz.path("PriceList").get(0).asText().contains("\"USD\":\"0.0360000000\""), multiAz.toString());

        Set<String> skus = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> request = new java.util.HashMap<>(Map.of("ServiceCode", "AmazonEC2", "MaxResults", 5));
            if (token != null) {
                request.put("NextToken", token);
            }
            JsonNode page = pricing.call("GetProducts", request);
            page.path("PriceList").forEach(p -> assertTrue(skus.add(AwsJsonClient.parse(p.asText()).at("/product/sku").asText())));
            token = page.hasNonNull("NextToken") ? page.path("NextToken").asText() : null;
            pages++;
        } while (token != null);
        assertEquals(PriceSnapshot.bundled().products("AmazonEC2").size(), skus.size());
        assertTrue(pages > 2, "pages: " + pages);

        JsonNode classes = pricing.call("GetAttributeValues", Map.of("ServiceCode", "AmazonS3", "AttributeName", "volumeType"));
        assertTrue(classes.path("AttributeValues").toString().contains("\"Standard - Infrequent Access\""), classes.toString());
        JsonNode services = pricing.call("DescribeServices", Map.of("ServiceCode", "AmazonEC2"));
        assertTrue(services.at("/Services/0/AttributeNames").toString().contains("\"instanceType\""), services.toString());
    }

    @Test
    void anUnknownServiceAndAnUnknownOperationAreAwsErrors() {
        AwsServiceException missing = assertThrows(AwsServiceException.class,
                () -> pricing.call("GetProducts", Map.of("ServiceCode", "AmazonDynamoDB")));
        assertEquals("NotFoundException", missing.awsErrorDetails().errorCode());
        assertEquals(400, missing.statusCode());
        AwsServiceException unknown = assertThrows(AwsServiceException.class, () -> pricing.call("ListPriceLists"));
        assertEquals("UnknownOperationException", unknown.awsErrorDetails().errorCode());
        assertTrue(unknown.getMessage().contains("does not implement"), unknown.getMessage());
    }

    @Test
    void boto3ParsesThePriceListAndTheBill() {
        ExternalTools.python3WithBoto3();
        ExternalTools.Result result = ExternalTools.runBoto3(box.endpoint(), "test", "test", "us-east-1", """
                import boto3, json, datetime
                pricing = boto3.client('pricing', region_name='us-east-1')
                products = pricing.get_products(ServiceCode='AmazonEC2', Filters=[
                    {'Type': 'TERM_MATCH', 'Field': 'instanceType', 'Value': 't3.micro'}])
                item = json.loads(products['PriceList'][0])
                on_demand = next(iter(item['terms']['OnDemand'].values()))
                print('price', next(iter(on_demand['priceDimensions'].values()))['pricePerUnit']['USD'])
                print('reserved', len(item['terms']['Reserved']))
                count = sum(len(p['PriceList']) for p in pricing.get_paginator('get_products').paginate(ServiceCode='AmazonS3', MaxResults=3))
                print('s3', count)
                today = datetime.date.today()
                ce = boto3.client('ce', region_name='us-east-1')
                bill = ce.get_cost_and_usage(TimePeriod={'Start': str(today), 'End': str(today + datetime.timedelta(days=1))},
                                             Granularity='DAILY', Metrics=['UnblendedCost'], GroupBy=[{'Type': 'DIMENSION', 'Key': 'SERVICE'}])
                print('periods', len(bill['ResultsByTime']))
                budgets = boto3.client('budgets', region_name='us-east-1')
                budgets.create_budget(AccountId='000000000000', Budget={'BudgetName': 'b', 'BudgetLimit': {'Amount': '5', 'Unit': 'USD'},
                                      'TimeUnit': 'MONTHLY', 'BudgetType': 'COST'})
                print('budget', budgets.describe_budget(AccountId='000000000000', BudgetName='b')['Budget']['TimePeriod']['End'].year)
                try:
                    budgets.describe_budget(AccountId='000000000000', BudgetName='nope')
                except budgets.exceptions.NotFoundException as e:
                    print('missing', e.response['Error']['Code'])
                free = boto3.client('freetier', region_name='us-east-1').get_free_tier_usage()
                print('free', free['freeTierUsages'][0]['limit'])
                """);
        assertEquals(0, result.exitCode(), result.toString());
        String out = result.stdout();
        assertTrue(out.contains("price 0.0104000000"), out);
        assertTrue(out.contains("reserved 6"), out);
        assertTrue(out.contains("s3 " + PriceSnapshot.bundled().products("AmazonS3").size()), out);
        assertTrue(out.contains("periods 1"), out);
        assertTrue(out.contains("budget 2087"), out);
        assertTrue(out.contains("missing NotFoundException"), out);
        assertTrue(out.contains("free 750.0"), out);
    }
}
