/*
 * The editor's review buttons put their decision into the edit form as hidden
 * inputs ("action-workflow-action", "workflow-action-name") and submit it
 * (Wagtail's workflow-action.js). Two things must not follow:
 * - autosave noticing those inputs as an edit and posting a copy of the form,
 *   decision included, while the real submission is still being answered;
 * - a second press sending the same decision again.
 * See groups/review_editor.py, which refuses both on the server as well.
 */
(() => {
  const DECISION_FIELD = 'action-workflow-action';

  document.addEventListener('w-autosave:save', (event) => {
    if (event.detail && event.detail.formData.has(DECISION_FIELD)) {
      event.preventDefault();
    }
  });

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!form.matches('[data-edit-form]') || !form.elements.namedItem(DECISION_FIELD)) {
      return;
    }
    if (form.dataset.reviewDecisionSent) {
      event.preventDefault();
      return;
    }
    form.dataset.reviewDecisionSent = 'true';
  });
})();
