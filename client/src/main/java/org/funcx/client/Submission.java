package org.funcx.client;

import java.util.List;

/** What {@code POST /v2/submit} answered: the batch's id and one task id per call, in order. */
public record Submission(String groupId, List<String> taskIds) {}
