import { After, Before, BeforeStep, Status, setDefaultTimeout } from '@cucumber/cucumber';
import type { ScenarioStory } from '../../src/simulation/scenario-story.ts';
import type { CrmWorld } from './world.ts';

/**
 * The simulation (mail servers, IMAP and SMTP clients, parsers) is loaded when the first scenario
 * starts, not when Cucumber loads the steps: a dry run (`npm run steps -- --check`) needs only the
 * step definitions, and loading the rest would take most of its time.
 */
let loading: Promise<[typeof import('../../mock-servers/index.ts'), typeof import('../../src/simulation/index.ts'), typeof import('../../src/simulation/scenario-story.ts')]> | undefined;
// Imported once and kept: on Node 20 every import() asks the module-loading thread again, even for
// a module already loaded, and three per hook made a few thousand such round trips in a feature run.
const simulationModules = () =>
  (loading ??= Promise.all([import('../../mock-servers/index.ts'), import('../../src/simulation/index.ts'), import('../../src/simulation/scenario-story.ts')]));

// A scenario talks to loopback servers only; anything near this long is a hang, not slowness.
setDefaultTimeout(15_000);

const FAULT_TAG = '@fault:';

Before(async function (this: CrmWorld, { pickle }) {
  const [{ parseFault }, { Simulation }, { renderItemTimeline }] = await simulationModules();
  this.renderTimeline = renderItemTimeline;
  this.sim = await Simulation.start();
  // `@fault:<spec>` scripts that fault on the scenario's mail server from its first step;
  // a spec that does not parse fails the scenario, saying what is wrong with it.
  for (const tag of pickle.tags) {
    if (tag.name.startsWith(FAULT_TAG)) this.sim.mail.faults.add(parseFault(tag.name.slice(FAULT_TAG.length)));
  }
});

// What the CRM held before the first When step: the story marks every other item "created in this scenario".
BeforeStep(async function (this: CrmWorld, { pickleStep }) {
  if (pickleStep.type !== 'Action' || this.itemsBeforeAction !== undefined || !this.hasSimulation) return;
  const [, , { itemKeysOf }] = await simulationModules();
  this.itemsBeforeAction = itemKeysOf(this.sim.crm);
});

After(async function (this: CrmWorld, { result }) {
  if (!this.hasSimulation) return;
  const [{ formatTranscripts }, , { STORY_MEDIA_TYPE, buildScenarioStory, renderCrmState }] = await simulationModules();
  // Every scenario carries its story (e-mails, what the CRM did, timelines) for the FAQ page.
  // Taking it reads the simulation only; should it fail, the scenario keeps its own result.
  let story: ScenarioStory | undefined;
  try {
    story = buildScenarioStory(this.sim, { ...(this.itemsBeforeAction && { existedBefore: this.itemsBeforeAction }) });
    this.attach(JSON.stringify(story), { mediaType: STORY_MEDIA_TYPE, fileName: 'story.json' });
  } catch (error) {
    this.attach(`The scenario's story could not be taken: ${error instanceof Error ? error.stack : String(error)}`, { mediaType: 'text/plain', fileName: 'story-error.txt' });
  }
  // A failed scenario carries its SMTP and IMAP traffic and the CRM's state, so the report shows what really happened.
  if (result?.status === Status.FAILED) {
    this.attach(this.sim.wireLog.toString(), { mediaType: 'text/plain', fileName: 'mail-traffic.txt' });
    // Every line of every SMTP and IMAP connection, both directions, with the scripted faults that fired.
    this.attach(formatTranscripts(this.sim.mail.transcripts()), { mediaType: 'text/plain', fileName: 'mail-transcripts.txt' });
    if (story) this.attach(renderCrmState(story), { mediaType: 'text/plain', fileName: 'crm-state.txt' });
  }
  await this.sim.stop();
});
