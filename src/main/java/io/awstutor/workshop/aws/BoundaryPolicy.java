package io.awstutor.workshop.aws;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one policy a provisioned workshop gives each learner, both as their permissions and as
 * their permissions boundary (so nothing they attach later reaches past it). {@code ${aws:username}}
 * makes it personal: a learner's user is named {@code ws-ana}, and everything they may
 * create is named {@code ws-ana-…}. It confines them to the workshop's region, to their own
 * names, to the listed instance types, and keeps them from loosening the boundary: new users
 * and roles must carry it, no one may remove it or change the policy, and AdministratorAccess
 * cannot be attached.
 */
public final class BoundaryPolicy {
    private BoundaryPolicy() {
    }

    public static String document(String policyArn, String region, List<String> instanceTypes) {
        String types = instanceTypes.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Sid": "OwnBuckets", "Effect": "Allow", "Action": "s3:*",
                     "Resource": ["arn:aws:s3:::${aws:username}-*", "arn:aws:s3:::${aws:username}-*/*"]},
                    {"Sid": "LookAround", "Effect": "Allow",
                     "Action": ["s3:ListAllMyBuckets", "sts:GetCallerIdentity", "iam:GetUser", "iam:ListAttachedUserPolicies",
                                "ec2:Describe*", "rds:Describe*", "ses:Get*", "ses:List*"],
                     "Resource": "*"},
                    {"Sid": "RegionalServices", "Effect": "Allow", "Action": ["ec2:*", "rds:*", "ses:*"], "Resource": "*",
                     "Condition": {"StringEquals": {"aws:RequestedRegion": "REGION"}}},
                    {"Sid": "OwnIamEntities", "Effect": "Allow", "Action": "iam:*",
                     "Resource": ["arn:aws:iam::*:user/${aws:username}-*", "arn:aws:iam::*:role/${aws:username}-*",
                                  "arn:aws:iam::*:policy/${aws:username}-*", "arn:aws:iam::*:group/${aws:username}-*"]},
                    {"Sid": "NewIdentitiesCarryTheBoundary", "Effect": "Deny",
                     "Action": ["iam:CreateUser", "iam:CreateRole", "iam:PutUserPermissionsBoundary", "iam:PutRolePermissionsBoundary"],
                     "Resource": "*", "Condition": {"StringNotEquals": {"iam:PermissionsBoundary": "POLICY_ARN"}}},
                    {"Sid": "TheBoundaryStays", "Effect": "Deny",
                     "Action": ["iam:DeleteUserPermissionsBoundary", "iam:DeleteRolePermissionsBoundary"], "Resource": "*"},
                    {"Sid": "ThePolicyStays", "Effect": "Deny",
                     "Action": ["iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy"],
                     "Resource": "POLICY_ARN"},
                    {"Sid": "NotOneself", "Effect": "Deny",
                     "Action": ["iam:AttachUserPolicy", "iam:DetachUserPolicy", "iam:PutUserPolicy", "iam:DeleteUserPolicy", "iam:CreateAccessKey"],
                     "Resource": "arn:aws:iam::*:user/${aws:username}"},
                    {"Sid": "NoAdministrators", "Effect": "Deny",
                     "Action": ["iam:AttachUserPolicy", "iam:AttachRolePolicy", "iam:AttachGroupPolicy"], "Resource": "*",
                     "Condition": {"ArnEquals": {"iam:PolicyARN": ["arn:aws:iam::aws:policy/AdministratorAccess",
                                                                   "arn:aws:iam::aws:policy/IAMFullAccess"]}}},
                    {"Sid": "OnlyTheWorkshopsInstanceTypes", "Effect": "Deny", "Action": "ec2:RunInstances",
                     "Resource": "arn:aws:ec2:*:*:instance/*",
                     "Condition": {"StringNotEquals": {"ec2:InstanceType": [TYPES]}}},
                    {"Sid": "OnlyTheWorkshopsRegion", "Effect": "Deny",
                     "NotAction": ["iam:*", "sts:*", "s3:*", "cloudfront:*"], "Resource": "*",
                     "Condition": {"StringNotEquals": {"aws:RequestedRegion": "REGION"}}}
                  ]
                }
                """.replace("REGION", region).replace("POLICY_ARN", policyArn).replace("TYPES", types);
    }
}
