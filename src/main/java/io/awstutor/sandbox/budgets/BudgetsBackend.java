package io.awstutor.sandbox.budgets;

import io.awstutor.sandbox.billing.Bill;
import io.awstutor.sandbox.billing.CostExpression;
import io.awstutor.sandbox.billing.CostLine;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.JsonCodec;
import io.awstutor.sandbox.protocol.JsonInput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Budgets' state and rules, per account: budgets, their notifications and subscribers,
 * and the evaluation that compares each budget's actual and forecasted spend with its
 * thresholds. A notification crossing its threshold goes to ALARM and its e-mail
 * subscribers get one message; it goes back to OK (and can alert again) once the spend
 * falls back, as when a new month starts.
 */
public final class BudgetsBackend {
    static final int MAX_NOTIFICATIONS = 10;
    static final int MAX_EMAIL_SUBSCRIBERS = 10;
    static final String SENDER = "no-reply@budgets.amazonaws.com";

    private final Bill bill;
    private final AlertMailer mailer;
    private final Map<String, Map<String, Entry>> accounts = new HashMap<>();

    /** One notification of a budget, its subscribers and its state (OK or ALARM). */
    static final class Alert {
        final Notification notification;
        final List<Subscriber> subscribers = new ArrayList<>();
        String state = "OK";

        Alert(Notification notification, List<Subscriber> subscribers) {
            this.notification = notification;
            this.subscribers.addAll(subscribers);
        }
    }

    static final class Entry {
        Budget budget;
        final List<Alert> alerts = new ArrayList<>();

        Entry(Budget budget) {
            this.budget = budget;
        }
    }

    /** A budget with what it has spent and is forecast to spend in its current period. */
    public record Calculated(Budget budget, double actual, double forecasted) {
    }

    public record NotificationView(Notification notification, String state, List<Subscriber> subscribers) {
    }

    public BudgetsBackend(Bill bill, AlertMailer mailer) {
        this.bill = bill;
        this.mailer = mailer;
    }

    public Instant now() {
        return bill.now();
    }

    public synchronized void create(String account, Budget budget, List<NotificationView> notifications) {
        Map<String, Entry> budgets = accounts.computeIfAbsent(account, k -> new LinkedHashMap<>());
        if (budgets.containsKey(budget.name())) {
            throw AwsException.badRequest("DuplicateRecordException",
                    "Error creating budget: " + budget.name() + " - the budget already exists.");
        }
        if (notifications.size() > MAX_NOTIFICATIONS) {
            throw AwsException.badRequest("CreationLimitExceededException", "You can create up to " + MAX_NOTIFICATIONS
                    + " notifications per budget.");
        }
        Entry entry = new Entry(budget);
        for (NotificationView n : notifications) {
            addAlert(entry, n.notification(), n.subscribers());
        }
        budgets.put(budget.name(), entry);
    }

    public synchronized Calculated describe(String account, String name) {
        return calculated(account, entry(account, name, "Unable to get budget: "));
    }

    public synchronized List<Calculated> describeAll(String account) {
        List<Calculated> out = new ArrayList<>();
        accounts.getOrDefault(account, Map.of()).values().forEach(e -> out.add(calculated(account, e)));
        return out;
    }

    public synchronized void update(String account, Budget budget) {
        Entry entry = entry(account, budget.name(), "Unable to update budget: ");
        entry.budget = budget;
    }

    public synchronized void delete(String account, String name) {
        entry(account, name, "Unable to delete budget: ");
        accounts.get(account).remove(name);
    }

    public synchronized void createNotification(String account, String name, Notification notification, List<Subscriber> subscribers) {
        Entry entry = entry(account, name, "Unable to create notification: ");
        if (entry.alerts.size() >= MAX_NOTIFICATIONS) {
            throw AwsException.badRequest("CreationLimitExceededException", "You can create up to " + MAX_NOTIFICATIONS
                    + " notifications per budget.");
        }
        addAlert(entry, notification, subscribers);
    }

    public synchronized void deleteNotification(String account, String name, Notification notification) {
        Entry entry = entry(account, name, "Unable to delete notification: ");
        entry.alerts.remove(alert(entry, notification));
    }

    public synchronized List<NotificationView> notifications(String account, String name) {
        return entry(account, name, "Unable to get notifications: ").alerts.stream()
                .map(a -> new NotificationView(a.notification, a.state, List.copyOf(a.subscribers))).toList();
    }

    public synchronized void createSubscriber(String account, String name, Notification notification, Subscriber subscriber) {
        Alert alert = alert(entry(account, name, "Unable to create subscriber: "), notification);
        if (alert.subscribers.contains(subscriber)) {
            throw AwsException.badRequest("DuplicateRecordException", "Error creating subscriber: the subscriber already exists.");
        }
        checkSubscribers(List.of(subscriber), alert.subscribers.size());
        alert.subscribers.add(subscriber);
    }

    public synchronized void deleteSubscriber(String account, String name, Notification notification, Subscriber subscriber) {
        Alert alert = alert(entry(account, name, "Unable to delete subscriber: "), notification);
        if (!alert.subscribers.remove(subscriber)) {
            throw AwsException.badRequest("NotFoundException", "Unable to delete subscriber: " + subscriber.address()
                    + " - the subscriber doesn't exist.");
        }
    }

    /**
     * Compares every budget's spend with its notifications' thresholds and mails the
     * subscribers of each notification that has just crossed. Called every second (which
     * also samples the services' usage) and on every Budgets call.
     */
    public void evaluate() {
        bill.refresh(); // also keeps the meter's samples close together, budgets or not
        synchronized (this) {
            if (accounts.values().stream().allMatch(b -> b.values().stream().allMatch(e -> e.alerts.isEmpty()))) {
                return;
            }
        }
        List<Runnable> mails = new ArrayList<>();
        synchronized (this) {
            accounts.forEach((account, budgets) -> budgets.values().forEach(entry -> {
                Calculated spend = calculated(account, entry);
                for (Alert alert : entry.alerts) {
                    Notification n = alert.notification;
                    double value = n.notificationType().equals("FORECASTED") ? spend.forecasted() : spend.actual();
                    boolean breached = n.breached(value, entry.budget.limit());
                    if (breached && alert.state.equals("OK")) {
                        alert.state = "ALARM";
                        List<String> to = alert.subscribers.stream().filter(s -> s.subscriptionType().equals("EMAIL"))
                                .map(Subscriber::address).toList();
                        if (!to.isEmpty()) {
                            AlertMail mail = new AlertMail(entry.budget, n, value);
                            mails.add(() -> mailer.send(account, SENDER, to, mail.subject(), mail.body()));
                        }
                    } else if (!breached && alert.state.equals("ALARM")) {
                        alert.state = "OK";
                    }
                }
            }));
        }
        mails.forEach(Runnable::run); // outside the lock: SES takes its own
    }

    private Calculated calculated(String account, Entry entry) {
        Budget b = entry.budget;
        Predicate<CostLine> filter = filter(b);
        LocalDate start = LocalDate.ofInstant(periodStart(b.timeUnit(), bill.now()), ZoneOffset.UTC);
        LocalDate end = LocalDate.ofInstant(periodEnd(b.timeUnit(), bill.now()), ZoneOffset.UTC);
        List<CostLine> lines = bill.lines(account, start, end).stream().filter(filter).toList();
        boolean usage = b.budgetType().equals("USAGE");
        double actual = lines.stream().mapToDouble(usage ? CostLine::quantity : CostLine::costUsd).sum();
        double forecasted = usage ? actual : actual + bill.forecastUsd(account, periodEnd(b.timeUnit(), bill.now()), filter);
        return new Calculated(b, actual, forecasted);
    }

    static Predicate<CostLine> filter(Budget b) {
        Predicate<CostLine> filter = CostExpression.all();
        if (b.filterExpressionJson().isPresent()) {
            filter = CostExpression.parse(new JsonInput(JsonCodec.read(b.filterExpressionJson().get()), "InvalidParameterException"));
        }
        for (var e : b.costFilters().entrySet()) {
            String dimension = switch (e.getKey()) {
                case "Service" -> "SERVICE";
                case "Region" -> "REGION";
                case "UsageType" -> "USAGE_TYPE";
                case "LinkedAccount" -> "LINKED_ACCOUNT";
                case "InstanceType" -> "INSTANCE_TYPE";
                case "TagKeyValue" -> "TAG";
                default -> throw AwsException.badRequest("InvalidParameterException", "The awstutor sandbox's Budgets filters by "
                        + "Service, Region, UsageType, LinkedAccount, InstanceType and TagKeyValue, not " + e.getKey() + ".");
            };
            List<String> values = e.getValue();
            filter = filter.and(dimension.equals("TAG")
                    ? line -> values.stream().anyMatch(v -> line.tags().entrySet().stream()
                            .anyMatch(t -> v.equals("user:" + t.getKey() + "$" + t.getValue())))
                    : line -> values.contains(CostExpression.dimension(line, dimension)));
        }
        return filter;
    }

    static Instant periodStart(String timeUnit, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = switch (timeUnit) {
            case "DAILY" -> today;
            case "QUARTERLY" -> today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
            case "ANNUALLY" -> today.withDayOfYear(1);
            default -> today.withDayOfMonth(1);
        };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Instant periodEnd(String timeUnit, Instant now) {
        LocalDate start = LocalDate.ofInstant(periodStart(timeUnit, now), ZoneOffset.UTC);
        LocalDate end = switch (timeUnit) {
            case "DAILY" -> start.plusDays(1);
            case "QUARTERLY" -> start.plusMonths(3);
            case "ANNUALLY" -> start.plusYears(1);
            default -> start.plusMonths(1);
        };
        return end.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private Entry entry(String account, String name, String action) {
        Entry entry = accounts.getOrDefault(account, Map.of()).get(name);
        if (entry == null) {
            throw AwsException.badRequest("NotFoundException", action + name + " - the budget doesn't exist.");
        }
        return entry;
    }

    private static Alert alert(Entry entry, Notification notification) {
        return entry.alerts.stream().filter(a -> a.notification.equals(notification)).findFirst().orElseThrow(() ->
                AwsException.badRequest("NotFoundException", "Unable to find the notification: " + notification.notificationType()
                        + " " + notification.comparisonOperator() + " " + notification.threshold() + " in budget " + entry.budget.name() + "."));
    }

    private static void addAlert(Entry entry, Notification notification, List<Subscriber> subscribers) {
        if (entry.alerts.stream().anyMatch(a -> a.notification.equals(notification))) {
            throw AwsException.badRequest("DuplicateRecordException", "Error creating notification: the notification already exists.");
        }
        checkSubscribers(subscribers, 0);
        entry.alerts.add(new Alert(notification, subscribers));
    }

    private static void checkSubscribers(List<Subscriber> subscribers, int existing) {
        long emails = subscribers.stream().filter(s -> s.subscriptionType().equals("EMAIL")).count();
        if (emails + existing > MAX_EMAIL_SUBSCRIBERS) {
            throw AwsException.badRequest("CreationLimitExceededException", "A notification can have up to "
                    + MAX_EMAIL_SUBSCRIBERS + " e-mail subscribers.");
        }
        for (Subscriber s : subscribers) {
            if (s.subscriptionType().equals("EMAIL") && !s.address().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw AwsException.badRequest("InvalidParameterException", "Invalid email address: " + s.address());
            }
        }
    }
}
