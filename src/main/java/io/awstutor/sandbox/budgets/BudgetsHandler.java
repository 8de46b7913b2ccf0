package io.awstutor.sandbox.budgets;

import io.awstutor.sandbox.protocol.Arns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.JsonCodec;
import io.awstutor.sandbox.protocol.JsonInput;
import io.awstutor.sandbox.protocol.JsonServiceHandler;
import io.awstutor.sandbox.protocol.OffsetPages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * AWS Budgets (AWSBudgetServiceGateway, JSON 1.1): budgets, their notifications and
 * subscribers. A background task evaluates the budgets every second (AWS does it a few
 * times a day), so an alert e-mail arrives while the learner watches the bill grow.
 */
public final class BudgetsHandler extends JsonServiceHandler implements AutoCloseable {
    /** AWS's default end of a budget's time period. */
    private static final Instant DEFAULT_END = Instant.parse("2087-06-15T00:00:00Z");

    private final BudgetsBackend backend;
    private final ScheduledExecutorService evaluator;

    public BudgetsHandler(BudgetsBackend backend) {
        super("budgets", "AWSBudgetServiceGateway", "1.1", "Message", "InvalidParameterException");
        this.backend = backend;
        register("CreateBudget", this::createBudget);
        register("DescribeBudget", this::describeBudget);
        register("DescribeBudgets", this::describeBudgets);
        register("UpdateBudget", this::updateBudget);
        register("DeleteBudget", this::deleteBudget);
        register("CreateNotification", this::createNotification);
        register("DeleteNotification", this::deleteNotification);
        register("DescribeNotificationsForBudget", this::describeNotifications);
        register("CreateSubscriber", this::createSubscriber);
        register("DeleteSubscriber", this::deleteSubscriber);
        register("DescribeSubscribersForNotification", this::describeSubscribers);
        this.evaluator = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "awstutor-budgets");
            t.setDaemon(true);
            return t;
        });
        evaluator.scheduleWithFixedDelay(this::evaluateQuietly, 1, 1, TimeUnit.SECONDS);
    }

    public BudgetsBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        evaluator.shutdownNow();
    }

    private void evaluateQuietly() {
        try {
            backend.evaluate();
        } catch (RuntimeException e) {
            System.err.println("awstutor sandbox: evaluating budgets: " + e);
        }
    }

    private String account(JsonInput in, ServiceCall call, String action) {
        String account = in.requiredString("AccountId");
        call.authorize("budgets:" + action, Arns.global("budgets", call.accountId(), "budget/*"), "AccessDeniedException");
        if (!account.equals(call.accountId())) {
            throw AwsException.forbidden("AccessDeniedException", "User: " + call.caller().arn()
                    + " is not authorized to access the budgets of account " + account + ".");
        }
        backend.evaluate();
        return account;
    }

    private JsonNode createBudget(JsonInput in, ServiceCall call) {
        String account = account(in, call, "ModifyBudget");
        Budget budget = budget(in.member("Budget"), Optional.empty());
        List<BudgetsBackend.NotificationView> notifications = new ArrayList<>();
        for (JsonInput n : in.list("NotificationsWithSubscribers")) {
            notifications.add(new BudgetsBackend.NotificationView(notification(n.member("Notification")), "OK",
                    subscribers(n.list("Subscribers"))));
        }
        backend.create(account, budget, notifications);
        backend.evaluate();
        return JsonCodec.object();
    }

    private JsonNode describeBudget(JsonInput in, ServiceCall call) {
        String account = account(in, call, "ViewBudget");
        ObjectNode out = JsonCodec.object();
        write(out.putObject("Budget"), backend.describe(account, in.requiredString("BudgetName")));
        return out;
    }

    private JsonNode describeBudgets(JsonInput in, ServiceCall call) {
        String account = account(in, call, "ViewBudget");
        var page = OffsetPages.page(backend.describeAll(account), in.string("NextToken"), in.integer("MaxResults").orElse(100),
                "DescribeBudgets", "InvalidNextTokenException");
        ObjectNode out = JsonCodec.object();
        ArrayNode budgets = out.putArray("Budgets");
        page.items().forEach(b -> write(budgets.addObject(), b));
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    private JsonNode updateBudget(JsonInput in, ServiceCall call) {
        String account = account(in, call, "ModifyBudget");
        JsonInput given = in.member("NewBudget");
        Budget old = backend.describe(account, given.requiredString("BudgetName")).budget();
        backend.update(account, budget(given, Optional.of(old)));
        backend.evaluate();
        return JsonCodec.object();
    }

    private JsonNode deleteBudget(JsonInput in, ServiceCall call) {
        backend.delete(account(in, call, "ModifyBudget"), in.requiredString("BudgetName"));
        return JsonCodec.object();
    }

    private JsonNode createNotification(JsonInput in, ServiceCall call) {
        String account = account(in, call, "ModifyBudget");
        backend.createNotification(account, in.requiredString("BudgetName"), notification(in.member("Notification")),
                subscribers(in.list("Subscribers")));
        backend.evaluate();
        return JsonCodec.object();
    }

    private JsonNode deleteNotification(JsonInput in, ServiceCall call) {
        backend.deleteNotification(account(in, call, "ModifyBudget"), in.requiredString("BudgetName"), notification(in.member("Notification")));
        return JsonCodec.object();
    }

    private JsonNode describeNotifications(JsonInput in, ServiceCall call) {
        String account = account(in, call, "ViewBudget");
        var page = OffsetPages.page(backend.notifications(account, in.requiredString("BudgetName")), in.string("NextToken"),
                in.integer("MaxResults").orElse(100), "DescribeNotificationsForBudget" + in.string("BudgetName"), "InvalidNextTokenException");
        ObjectNode out = JsonCodec.object();
        ArrayNode list = out.putArray("Notifications");
        page.items().forEach(n -> write(list.addObject(), n.notification()).put("NotificationState", n.state()));
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    private JsonNode createSubscriber(JsonInput in, ServiceCall call) {
        String account = account(in, call, "ModifyBudget");
        backend.createSubscriber(account, in.requiredString("BudgetName"), notification(in.member("Notification")),
                subscribers(List.of(in.member("Subscriber"))).get(0));
        return JsonCodec.object();
    }

    private JsonNode deleteSubscriber(JsonInput in, ServiceCall call) {
        String account = account(in, call, "ModifyBudget");
        backend.deleteSubscriber(account, in.requiredString("BudgetName"), notification(in.member("Notification")),
                subscribers(List.of(in.member("Subscriber"))).get(0));
        return JsonCodec.object();
    }

    private JsonNode describeSubscribers(JsonInput in, ServiceCall call) {
        String account = account(in, call, "ViewBudget");
        Notification wanted = notification(in.member("Notification"));
        List<Subscriber> subscribers = backend.notifications(account, in.requiredString("BudgetName")).stream()
                .filter(n -> n.notification().equals(wanted)).findFirst().map(BudgetsBackend.NotificationView::subscribers)
                .orElseThrow(() -> AwsException.badRequest("NotFoundException", "Unable to find the notification in budget "
                        + in.string("BudgetName").orElse("") + "."));
        ObjectNode out = JsonCodec.object();
        ArrayNode list = out.putArray("Subscribers");
        subscribers.forEach(s -> list.addObject().put("SubscriptionType", s.subscriptionType()).put("Address", s.address()));
        return out;
    }

    // ---- reading and writing the model's shapes

    private Budget budget(JsonInput b, Optional<Budget> old) {
        String name = b.requiredString("BudgetName");
        if (name.contains(":") || name.contains("\\") || name.length() > 100) {
            throw b.invalid("The budget name cannot contain ':' or '\\' and is at most 100 characters.");
        }
        String type = b.requiredString("BudgetType");
        if (!type.equals("COST") && !type.equals("USAGE")) {
            throw b.invalid("The awstutor sandbox's Budgets tracks COST and USAGE budgets, not " + type + ".");
        }
        String timeUnit = b.requiredString("TimeUnit");
        if (!List.of("DAILY", "MONTHLY", "QUARTERLY", "ANNUALLY").contains(timeUnit)) {
            throw b.invalid("TimeUnit must be DAILY, MONTHLY, QUARTERLY or ANNUALLY (CUSTOM is not in the sandbox).");
        }
        JsonInput limit = b.member("BudgetLimit");
        String amount = limit.string("Amount").orElseThrow(() -> b.invalid("Request must contain BudgetLimit (Amount and Unit)."));
        if (!amount.matches("([0-9]*\\.)?[0-9]+")) {
            throw b.invalid("1 validation error detected: Value '" + amount + "' at 'budget.budgetLimit.amount' failed to satisfy "
                    + "constraint: Member must satisfy regular expression pattern: ([0-9]*\\.)?[0-9]+");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        b.member("CostFilters").node().fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            filters.put(e.getKey(), List.copyOf(values));
        });
        Optional<String> expression = b.has("FilterExpression") ? Optional.of(JsonCodec.write(b.member("FilterExpression").node())) : Optional.empty();
        Instant now = backend.now();
        Instant start = b.member("TimePeriod").number("Start").map(s -> Instant.ofEpochMilli((long) (s * 1000)))
                .orElse(old.map(Budget::periodStart).orElse(BudgetsBackend.periodStart(timeUnit, now)));
        Instant end = b.member("TimePeriod").number("End").map(s -> Instant.ofEpochMilli((long) (s * 1000)))
                .orElse(old.map(Budget::periodEnd).orElse(DEFAULT_END));
        Budget budget = new Budget(name, amount, limit.string("Unit").orElse("USD"), timeUnit, type, Map.copyOf(filters), expression,
                start, end, now);
        BudgetsBackend.filter(budget); // refuses an unknown filter now rather than at the next evaluation
        return budget;
    }

    private static Notification notification(JsonInput n) {
        String type = n.requiredString("NotificationType");
        String op = n.requiredString("ComparisonOperator");
        double threshold = n.number("Threshold").orElseThrow(() -> n.invalid(
                "1 validation error detected: Value null at 'notification.threshold' failed to satisfy constraint: Member must not be null"));
        String thresholdType = n.string("ThresholdType").orElse("PERCENTAGE");
        if (!List.of("ACTUAL", "FORECASTED").contains(type) || !List.of("GREATER_THAN", "LESS_THAN", "EQUAL_TO").contains(op)
                || !List.of("PERCENTAGE", "ABSOLUTE_VALUE").contains(thresholdType)) {
            throw n.invalid("NotificationType is ACTUAL or FORECASTED, ComparisonOperator GREATER_THAN, LESS_THAN or EQUAL_TO, "
                    + "ThresholdType PERCENTAGE or ABSOLUTE_VALUE.");
        }
        if (threshold < 0 || thresholdType.equals("PERCENTAGE") && threshold > 1000) {
            throw n.invalid("Threshold must be between 0 and 1000 for a percentage.");
        }
        return new Notification(type, op, threshold, thresholdType);
    }

    private static List<Subscriber> subscribers(List<JsonInput> list) {
        if (list.isEmpty()) {
            throw AwsException.badRequest("InvalidParameterException", "A notification needs at least one subscriber.");
        }
        return list.stream().map(s -> {
            String type = s.requiredString("SubscriptionType");
            if (!type.equals("EMAIL") && !type.equals("SNS")) {
                throw s.invalid("SubscriptionType must be EMAIL or SNS, not " + type + ".");
            }
            return new Subscriber(type, s.requiredString("Address"));
        }).toList();
    }

    private static void write(ObjectNode out, BudgetsBackend.Calculated c) {
        Budget b = c.budget();
        out.put("BudgetName", b.name());
        out.putObject("BudgetLimit").put("Amount", b.limitAmount()).put("Unit", b.limitUnit());
        ObjectNode filters = out.putObject("CostFilters");
        b.costFilters().forEach((k, v) -> v.forEach(filters.putArray(k)::add));
        ObjectNode costTypes = out.putObject("CostTypes");
        for (String include : List.of("IncludeTax", "IncludeSubscription", "IncludeRefund", "IncludeCredit", "IncludeUpfront",
                "IncludeRecurring", "IncludeOtherSubscription", "IncludeSupport", "IncludeDiscount")) {
            costTypes.put(include, !include.equals("IncludeRefund") && !include.equals("IncludeCredit"));
        }
        costTypes.put("UseBlended", false).put("UseAmortized", false);
        out.put("TimeUnit", b.timeUnit());
        out.putObject("TimePeriod").put("Start", b.periodStart().getEpochSecond()).put("End", b.periodEnd().getEpochSecond());
        ObjectNode spend = out.putObject("CalculatedSpend");
        spend.putObject("ActualSpend").put("Amount", BudgetAmounts.format(c.actual())).put("Unit", b.limitUnit());
        spend.putObject("ForecastedSpend").put("Amount", BudgetAmounts.format(c.forecasted())).put("Unit", b.limitUnit());
        out.put("BudgetType", b.budgetType());
        out.put("LastUpdatedTime", b.lastUpdated().toEpochMilli() / 1000.0);
        b.filterExpressionJson().ifPresent(json -> out.set("FilterExpression", JsonCodec.read(json)));
    }

    private static ObjectNode write(ObjectNode out, Notification n) {
        return out.put("NotificationType", n.notificationType()).put("ComparisonOperator", n.comparisonOperator())
                .put("Threshold", n.threshold()).put("ThresholdType", n.thresholdType());
    }
}
