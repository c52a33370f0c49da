package org.funcx.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dashboard's memory of recent groups stays bounded per user and in users. */
class RecentGroupsTest {
  @Test
  void keeps_the_newest_groups_per_user_and_forgets_the_longest_idle_user() {
    RecentGroups recent = new RecentGroups();
    for (int i = 0; i <= RecentGroups.PER_USER; i++) recent.submitted("ada", "g" + i, 1, i);
    assertThat(recent.of("ada")).hasSize(RecentGroups.PER_USER);
    assertThat(recent.of("ada").get(0).groupId()).isEqualTo("g" + RecentGroups.PER_USER);
    assertThat(recent.of("ada")).noneMatch(e -> e.groupId().equals("g0"));
    for (int u = 0; u < RecentGroups.USERS; u++) recent.submitted("user" + u, "x", 1, 0);
    assertThat(recent.of("ada")).isEmpty();
    assertThat(recent.of("user" + (RecentGroups.USERS - 1))).hasSize(1);
    assertThat(recent.of("nobody")).isEmpty();
  }
}
