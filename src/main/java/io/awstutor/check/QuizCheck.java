package io.awstutor.check;

/** The step's quiz was answered correctly (with {@code /answer N}). */
public record QuizCheck(int correctAnswer) implements Check {

    @Override
    public Verdict run(CheckContext context) {
        return context.quizAnswer()
                .map(answer -> answer == correctAnswer
                        ? Verdict.pass("answer " + answer + " is right")
                        : Verdict.fail("Answer " + answer + " is not the one; read the question again and try another number."))
                .orElse(Verdict.fail("Answer the question with /answer N (N is the number of your choice)."));
    }

    @Override
    public String describe() {
        return "quiz answered";
    }
}
