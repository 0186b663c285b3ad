// Ends the run with one plain line ("N passed, N failed, N skipped") and repeats which engine
// suites were skipped, so a skipped engine is never mistaken for a passing one.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const notices = [];
    if ((process.env.CRM_TEST_POSTGRES || '').startsWith('unavailable')) {
      notices.push(`PostgreSQL suites skipped (${process.env.CRM_TEST_POSTGRES})`);
    }
    if ((process.env.CRM_TEST_ESDB || '').startsWith('unavailable')) {
      notices.push(`EventStoreDB suites skipped (${process.env.CRM_TEST_ESDB})`);
    }
    // under CI=true the browser suites run and fail instead
    if ((process.env.CRM_TEST_CHROMIUM || '').startsWith('unavailable') && process.env.CI !== 'true') {
      notices.push(`browser suites skipped (${process.env.CRM_TEST_CHROMIUM})`);
    }
    for (const n of notices) console.log(`NOTICE: ${n}`);
    const skipped = results.numPendingTests + results.numTodoTests;
    console.log(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
  }
}
module.exports = SummaryReporter;
