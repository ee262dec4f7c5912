/**
 * Playbooks (DOMAIN S4, C1, M1): for every open incident, the next step the seeds prescribe and its deadline,
 * in business days of the channel's time zone; per account, chosen rules may apply their step automatically
 * through the same decision path as a person, marked as made by the rule.
 */
package com.disputehub.playbook;
