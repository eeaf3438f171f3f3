/**
 * Personal-data screening of policy documents before publication (个人隐私 must not be published):
 * {@link org.opengovdata.catalog.policy.screening.PersonalDataScreening} finds resident ID numbers
 * and mobile numbers in a text, with their positions, and redacts them. Pure domain code: no
 * Spring, no I/O; the publishing workflow screens title, body and the text extracted from
 * attachments and refuses to publish while there are findings.
 */
package org.opengovdata.catalog.policy.screening;
