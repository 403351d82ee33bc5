// The GraphQL documents of the page: the public schema, nothing private.

export const PROGRAM = `query Program($programId: ID!) {
  program(id: $programId) { programId name lessonIds dueDate }
}`;

export const SUMMARY_CHANGED = `subscription Summary($programId: ID!) {
  programSummaryChanged(programId: $programId) {
    totalEvents activeReps quizAccuracy lessons { lessonId startedReps completedReps }
  }
}`;

export const COMPLIANCE_CHANGED = `subscription Compliance($programId: ID!) {
  complianceChanged(programId: $programId) { requiredLessons dueBy compliant nonCompliant overdue }
}`;

export const PROGRAM_CHANGES = `subscription Changes($programId: ID!) {
  changes(programId: $programId, kinds: [PROGRESS_CHANGED, CONTACT_REMOVED]) { cursor }
}`;

export const ACTIVITY = `query Activity($programId: ID!, $from: DateTime!, $to: DateTime!) {
  activity(range: {from: $from, to: $to}, interval: DAY, programId: $programId) {
    start total byType { type count }
  }
}`;

export const VIDEO_DROPOFF = `query VideoDropoff($programId: ID!, $lessonId: ID!) {
  videoDropoff(programId: $programId, lessonId: $lessonId) { segment reps }
}`;

export const LEADERBOARD = `query Leaderboard($programId: ID!) {
  leaderboard(programId: $programId, metric: LESSONS_COMPLETED, first: 10) {
    rank contactId value contact { name teamId }
  }
}`;

export const REPS = `query Reps($programId: ID!, $first: Int, $after: String, $last: Int, $before: String,
    $orderBy: RepProgressOrder) {
  repProgress(programId: $programId, first: $first, after: $after, last: $last, before: $before,
      orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node {
      contactId lessonsCompleted lastActivityAt quizAccuracy contact { name email teamId }
    } }
  }
}`;
