/** Test fixtures of the contracts, shared by the tests of every stage. */

/** A management event as CloudTrail writes it, with `overrides` merged over the top level. */
export function cloudTrailRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: "1.09",
    userIdentity: {
      type: "IAMUser",
      principalId: "AIDAEXAMPLEPRINCIPAL1",
      arn: "arn:aws:iam::111122223333:user/alice",
      accountId: "111122223333",
      accessKeyId: "AKIAEXAMPLEKEY000001",
      userName: "alice",
    },
    eventTime: "2024-06-02T19:41:40Z",
    eventSource: "iam.amazonaws.com",
    eventName: "ListUsers",
    awsRegion: "us-east-1",
    sourceIPAddress: "198.51.100.7",
    userAgent: "aws-cli/2.15.0 md/awscrt#0.19.19 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.6 md/command#iam.list-users",
    requestParameters: null,
    responseElements: null,
    requestID: "0b3c1c1e-0000-4000-8000-000000000001",
    eventID: "6f1d0b5a-0000-4000-8000-000000000002",
    readOnly: true,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: "111122223333",
    eventCategory: "Management",
    ...overrides,
  };
}
