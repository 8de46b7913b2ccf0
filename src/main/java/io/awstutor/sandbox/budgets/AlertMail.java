package io.awstutor.sandbox.budgets;

/** The e-mail a crossed threshold sends: which budget, which threshold, and the spend that crossed it. */
record AlertMail(Budget budget, Notification notification, double spend) {

    String subject() {
        return notification.notificationType().equals("FORECASTED")
                ? "AWS Budgets: " + budget.name() + " is forecasted to exceed your alert threshold"
                : "AWS Budgets: " + budget.name() + " has exceeded your alert threshold";
    }

    String body() {
        String unit = budget.limitUnit();
        String kind = notification.notificationType().equals("FORECASTED") ? "forecasted" : "actual";
        return String.join("\n",
                "AWS Budget Notification",
                "",
                "The " + kind + " " + (budget.budgetType().equals("USAGE") ? "usage" : "cost") + " of your budget "
                        + budget.name() + " has crossed the alert threshold you set.",
                "",
                "Budget name: " + budget.name(),
                "Budget type: " + (budget.budgetType().equals("USAGE") ? "Usage" : "Cost"),
                "Budgeted amount: " + budget.limitAmount() + " " + unit + " (" + budget.timeUnit().toLowerCase(java.util.Locale.ROOT) + ")",
                "Alert type: " + (kind.equals("forecasted") ? "Forecasted" : "Actual"),
                "Alert threshold: " + notification.describe(budget.limit(), unit),
                (kind.equals("forecasted") ? "Forecasted" : "Actual") + " amount: " + BudgetAmounts.format(spend) + " " + unit,
                "",
                "Sent by the awstutor sandbox. On AWS this e-mail comes from AWS Budgets, a few hours after the crossing;",
                "here it lands in the sandbox's SES mailbox (GET /_aws/ses) at once.");
    }
}
