package io.awstutor.check;

/**
 * One condition on the state of the target (or on what the learner did), written in a
 * lesson's {@code check} block. Checks never know which target answers them.
 */
public sealed interface Check permits CalledCheck, VariableCheck, IamUserCheck, QuizCheck,
        CallFailedCheck, IamGroupCheck, IamRoleCheck, IamPolicyAttachedCheck, IamAccessKeyCountCheck,
        S3BucketCheck, S3ObjectCheck, S3BucketPolicyCheck, S3WebsiteCheck, HttpGetCheck,
        Ec2InstanceCheck, SecurityGroupCheck, ReachabilityCheck, RdsInstanceCheck, RdsClusterCheck, SesIdentityCheck,
        CloudFrontDistributionCheck, BudgetCheck, DataApiQueryCheck {

    Verdict run(CheckContext context);

    /** How the check reads in {@code awstutor verify} output and authoring errors. */
    String describe();
}
