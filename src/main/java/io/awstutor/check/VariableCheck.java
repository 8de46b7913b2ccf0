package io.awstutor.check;

import java.util.Optional;

/**
 * The learner kept a result in a variable of the given name (and, optionally, a type whose
 * simple name matches): {@code variable: me} or {@code variable: {name: me, type: GetCallerIdentityResponse}}.
 * Optionally its printed value must contain a text.
 */
public record VariableCheck(String name, Optional<String> type, Optional<String> contains) implements Check {

    @Override
    public Verdict run(CheckContext context) {
        Optional<String> actualType = context.variableType(name);
        if (actualType.isEmpty()) {
            return Verdict.fail("Keep the result in a variable named '" + name + "' (e.g. var " + name + " = ...;).");
        }
        if (type.isPresent() && !simpleName(actualType.get()).equals(simpleName(type.get()))) {
            return Verdict.fail("'" + name + "' is a " + simpleName(actualType.get()) + "; this step wants a " + type.get() + ".");
        }
        if (contains.isPresent()) {
            String expected = context.substitute(contains.get());
            String value = context.variableValue(name).orElse("");
            if (!value.contains(expected)) {
                return Verdict.fail("'" + name + "' does not hold " + expected + " yet.");
            }
        }
        return Verdict.pass(describe());
    }

    private static String simpleName(String typeName) {
        int dot = typeName.lastIndexOf('.');
        return dot < 0 ? typeName : typeName.substring(dot + 1);
    }

    @Override
    public String describe() {
        return "variable " + name + type.map(t -> " of type " + t).orElse("");
    }
}
