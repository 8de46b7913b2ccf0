package io.awstutor.sandbox.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Budgets' amounts as AWS writes them: decimal strings ("5.0", "4.1234"). */
final class BudgetAmounts {
    private BudgetAmounts() {
    }

    static String format(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 1 ? d.setScale(1, RoundingMode.UNNECESSARY).toPlainString() : d.toPlainString();
    }
}
