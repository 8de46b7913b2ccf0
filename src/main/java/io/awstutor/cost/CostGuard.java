package io.awstutor.cost;

import io.awstutor.target.TargetSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shell's side of the cost guard: prices a held call and decides. On the {@code aws}
 * target (even pointed at an emulator with AWS_ENDPOINT_URL: it cannot know better) a
 * billable call needs an explicit yes, or {@code --allow-billable}; a script cannot say
 * yes, so it is refused. On an emulator the estimate is shown as information only.
 */
public final class CostGuard {
    private final PriceTable prices;
    private final Supplier<TargetSettings> target;
    private final boolean allowBillable;
    private final GuardPrompt prompt;
    private final Supplier<String> lesson;
    private final Function<String, Optional<String>> currentDbClass;
    private final AtomicLong uploadedBytes = new AtomicLong();
    private final AtomicInteger messagesSent = new AtomicInteger();

    /**
     * @param currentDbClass looks up a database's class (for ModifyDBInstance); may answer empty
     */
    public CostGuard(PriceTable prices, Supplier<TargetSettings> target, boolean allowBillable, GuardPrompt prompt,
                     Supplier<String> lesson, Function<String, Optional<String>> currentDbClass) {
        this.prices = prices;
        this.target = target;
        this.allowBillable = allowBillable;
        this.prompt = prompt;
        this.lesson = lesson;
        this.currentDbClass = currentDbClass;
    }

    public boolean allowBillable() {
        return allowBillable;
    }

    /** Whether billable calls are held for a yes on this target. */
    public boolean guarding() {
        return target.get().kind() == TargetSettings.TargetKind.AWS;
    }

    /** One call's review; serialized, since the learner can only answer one question at a time. */
    public synchronized GuardChannel.Answer review(GuardChannel.Question question) {
        String service = BillableOperations.normalize(question.service());
        Map<String, Object> fields = question.fields() == null ? Map.of() : question.fields();
        Optional<String> fromClass = question.operation().equals("ModifyDBInstance")
                ? safeLookup(String.valueOf(fields.getOrDefault("DBInstanceIdentifier", ""))) : Optional.empty();
        Optional<Estimate> estimate = BillableOperations.estimate(prices, service, question.operation(), fields,
                new SessionUsage(uploadedBytes.get(), messagesSent.get()), fromClass);
        String currentLesson = lesson.get();
        if (estimate.isEmpty()) {
            count(service, question.operation(), fields);
            return GuardChannel.Answer.allowed(currentLesson);
        }
        Estimate e = estimate.get();
        String call = BillableOperations.displayName(service) + " " + question.operation();
        if (!guarding()) {
            prompt.show(List.of("(cost note) " + call + " — on a real account: " + e.priceLine(prices.hoursPerMonth())
                    + "; free tier: " + e.freeTier() + ". Here on " + target.get().describe() + " it costs nothing."), false);
            count(service, question.operation(), fields);
            return GuardChannel.Answer.allowed(currentLesson);
        }
        List<String> lines = new ArrayList<>();
        lines.add("⚠ " + call + " is billable on " + target.get().describe() + ":");
        lines.add("  " + e.priceLine(prices.hoursPerMonth()));
        lines.add("  free tier: " + e.freeTier());
        lines.add("  (" + prices.provenance() + "; other regions differ. /cost lists what is running, /cleanup removes it.)");
        if (allowBillable) {
            lines.add("  Going ahead: this session was started with --allow-billable.");
            prompt.show(lines, true);
            count(service, question.operation(), fields);
            return GuardChannel.Answer.allowed(currentLesson);
        }
        if (!prompt.interactive()) {
            prompt.show(lines, true);
            return GuardChannel.Answer.refused("awstutor's cost guard stopped " + call + " before it left this machine: "
                    + e.priceLine(prices.hoursPerMonth()) + ". This session is not interactive, so nobody can say yes;"
                    + " start awstutor with --allow-billable to let billable calls through.");
        }
        prompt.show(lines, true);
        if (prompt.confirm("Type yes to create it and start paying, anything else to cancel:")) {
            count(service, question.operation(), fields);
            return GuardChannel.Answer.allowed(currentLesson);
        }
        return GuardChannel.Answer.refused("awstutor's cost guard cancelled " + call + ": you did not say yes. Nothing was sent to AWS.");
    }

    private Optional<String> safeLookup(String dbInstance) {
        try {
            return currentDbClass.apply(dbInstance);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void count(String service, String operation, Map<String, Object> fields) {
        if (BillableOperations.isUpload(service, operation)) {
            Object length = fields.get("ContentLength");
            if (length instanceof Number n) {
                uploadedBytes.addAndGet(n.longValue());
            }
        } else if (service.equals("ses") && operation.startsWith("Send")) {
            messagesSent.incrementAndGet();
        }
    }
}
