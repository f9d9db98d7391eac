// `evoke test` runs each scenario's own tests with the shared runner (pure, so the studio's Tests
// panel runs the very same code).
export { runScenarioTest, runScenarioTests, type TestOutcome, type TestStep } from '../core/scenario/scenarioTests.ts';
