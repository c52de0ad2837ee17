// One launch, from the command to the running service: polyaxonfile, checks first (connection, project, a
// service of this kind already up), the form, create (never twice), follow, open. No VS Code API: the ports
// in launchPorts.ts are the UI, so unit tests drive every path against the fake Polyaxon server.
import * as path from 'path';
import type { Connection } from '../connection/types';
import {
  buildCreateBody,
  checkParams,
  launchInputs,
  loadServicePolyaxonfile,
  PolyaxonfileError,
  serviceKindOf,
  type Polyaxonfile,
} from '../polyaxonfile';
import { resize, resourcesOf, resourcesPatch, sizeProblems } from '../polyaxonfile/resources';
import { runKey, type ProjectRef, type Run, type RunRef } from '../polyaxon/types';
import type { ServiceKind } from '../polyaxon/serviceKind';
import { isV2 } from '../polyaxon/version';
import { LaunchGuard, launchKey } from './launchGuard';
import { existingProject, reachableConnection } from './launchChecks';
import { createRun, followRun, stopOrExplain } from './launchRun';
import type { LaunchArgs, LaunchDeps, LaunchTarget, OpenOnLaunch, WizardAnswer } from './launchPorts';
import { existingChoices, existingQuestion, findExistingServices } from './existingService';
import { KIND_LABEL } from '../presentation/runWording';
import { defaultRunName } from './runNames';
import { restartService } from './restartService';

/** The form's answer when a new service is to be launched. */
type NewServiceAnswer = Exclude<WizardAnswer, { existing: 'open' }>;

/** The polyaxonfile a launch uses, read and checked. */
interface LaunchFile {
  file: string;
  fileLabel: string;
  pf: Polyaxonfile;
  kind: ServiceKind;
  label: string;
}

export class LaunchManager {
  private readonly guard = new LaunchGuard();

  constructor(private readonly deps: LaunchDeps) {}

  /**
   * Resolves the Run the launch ended with: the new one (its `status` tells the outcome), the active one the user
   * chose to open, or undefined when nothing was launched. With `args.params` nothing is asked and problems are
   * thrown; without, questions go through the UI ports and problems are thrown for the command to show.
   */
  async launch(target: LaunchTarget, args: LaunchArgs): Promise<Run | undefined> {
    const quiet = args.params !== undefined;
    const source = await this.launchFile(target, args, quiet);
    if (!source) return undefined;
    const conn = await reachableConnection(this.deps, quiet);
    if (!conn) return undefined;
    const projectName = args.project ?? conn.project ?? (quiet ? undefined : await this.deps.ui.pickProject());
    if (!projectName) {
      if (quiet) {
        const how = 'set polyaxon.project (Polyaxon: Select Project…) or pass {project: "<name>"}';
        throw new Error(`No Polyaxon project to launch in: ${how}.`);
      }
      return undefined;
    }
    const project = await existingProject(this.deps, conn, projectName, quiet);
    if (!project) return undefined;

    const reuse = args.reuse ?? (quiet ? 'launch' : 'ask');
    const active = reuse === 'launch' ? [] : await findExistingServices(this.deps.activeServices, project, source.kind, source.pf.name);
    const existing = active.at(0);
    if (existing && reuse === 'open') return this.openExisting(project, existing, args, source.label);

    const name = args.name ?? (await this.defaultName(conn, project, source));
    const answer = quiet
      ? { params: args.params ?? {}, name, size: args.resources }
      : await this.deps.ui.wizard({
          title: `Launch ${source.label} in ${project.project}`,
          project: project.project,
          fileLabel: source.fileLabel,
          inputs: launchInputs(source.pf),
          name: name ?? '',
          kind: source.kind,
          existing: existing && { question: existingQuestion(active), choices: existingChoices(active, source.label) },
          recentImages: (p) => this.deps.images.recent(p, source.kind),
          resources: {
            file: resourcesOf(source.pf.data),
            fileName: path.basename(source.file),
            recent: this.deps.sizes.recent(project.project, source.kind),
            initial: args.resources,
          },
          checkParam: (params, input) => checkParams(source.pf, params).find((p) => p.field === `params.${input}`)?.message,
        });
    if (!answer) return undefined;
    if (existing && answer.existing === 'open') return this.openExisting(project, existing, args, source.label);
    return this.create(conn, project, source, answer as NewServiceAnswer, args, existing);
  }

  /** Restart: stops the old run (asked first while it runs), then starts its copy and shows it where the old one was. */
  async restart(ref: RunRef, open?: OpenOnLaunch): Promise<Run | undefined> {
    const release = this.guard.tryAcquire(`restart\u0000${runKey(ref)}`);
    if (!release) return undefined;
    try {
      return await restartService(this.deps, ref, open);
    } finally {
      release();
    }
  }

  private async launchFile(target: LaunchTarget, args: LaunchArgs, quiet: boolean): Promise<LaunchFile | undefined> {
    const given = target.file ?? args.polyaxonfile;
    let file: string | undefined;
    let fileLabel: string | undefined;
    if (target.kind) {
      const chosen = await this.deps.files.choose(target.kind, given, !quiet);
      if (!chosen) return undefined;
      ({ path: file, label: fileLabel } = chosen);
    } else {
      file = given ?? (quiet ? undefined : await this.deps.files.pick());
      if (!file) {
        if (quiet) throw new Error('Launch Service from Polyaxonfile needs a file: pass {polyaxonfile: "<path>"}.');
        return undefined;
      }
    }
    let text: string;
    try {
      text = await this.deps.files.read(file);
    } catch (e) {
      throw new Error(`Cannot read the polyaxonfile ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const pf = loadServicePolyaxonfile(text, file);
    const kind: ServiceKind = target.kind ?? serviceKindOf(pf);
    const label = kind === 'other' ? `Service ${pf.name ?? path.basename(file)}` : KIND_LABEL[kind];
    return { file, fileLabel: fileLabel ?? this.deps.files.label(file), pf, kind, label };
  }

  /**
   * `vscode-<user>-<n>` for the two known kinds. Other services keep the polyaxonfile's name: it is how they are
   * told apart (runs/activeServices.ts sameKindActive).
   */
  private async defaultName(conn: Connection, project: ProjectRef, source: LaunchFile): Promise<string | undefined> {
    if (source.kind === 'other') return undefined;
    const user = this.deps.userName() || conn.owner;
    try {
      return await defaultRunName(conn.client, project, source.kind, user);
    } catch (e) {
      this.deps.log.warn(`Could not list the run names of ${project.project}; using the polyaxonfile's name: ${String(e)}`);
      return undefined;
    }
  }

  private async openExisting(project: ProjectRef, run: Run, args: LaunchArgs, label: string): Promise<Run> {
    await this.deps.ui.open({ ...project, uuid: run.uuid }, run, args.open, label);
    return run;
  }

  private async create(
    conn: Connection,
    project: ProjectRef,
    source: LaunchFile,
    answer: NewServiceAnswer,
    args: LaunchArgs,
    existing: Run | undefined,
  ): Promise<Run | undefined> {
    const { kind, label, pf } = source;
    // The server accepts unknown or missing params and fails the run later (API.md §4), so check like the CLI.
    const problems = checkParams(pf, answer.params);
    if (problems.length) throw new PolyaxonfileError(problems);
    const fileResources = resourcesOf(pf.data);
    const sizeErrors = answer.size ? sizeProblems(fileResources, answer.size) : [];
    if (sizeErrors.length) throw new Error(`Nothing was launched: ${sizeErrors.join('; ')}.`);
    // Only a size other than the file's is sent, as a runPatch: otherwise the body is the CLI's for the file.
    const resized = answer.size && resize(fileResources, answer.size);
    const release = this.guard.tryAcquire(launchKey(conn.host, conn.owner, project.project, kind, pf.name));
    if (!release) {
      this.deps.ui.info(`A launch of ${label} in ${project.project} is already in progress.`);
      return undefined;
    }
    try {
      if (existing && answer.existing === 'replace') await stopOrExplain(this.deps, conn, { ...project, uuid: existing.uuid }, existing);
      const v2 = isV2(await this.deps.connections.installation());
      const body = buildCreateBody(pf, answer.params, { v2, runPatch: resized && resourcesPatch(resized) });
      if (answer.name) body.name = answer.name;
      const created = await createRun(this.deps, conn, project, body, args.params !== undefined);
      if (!created) return undefined;
      const where = `${conn.owner}/${project.project}`;
      this.deps.log.info(`Launched ${label} ${created.name ?? ''} (${created.uuid}) in ${where} from ${source.file}`);
      if (resized) this.deps.log.info(`Resources: ${JSON.stringify(resized.resources)}${resized.raised.map((r) => `; ${r}`).join('')}`);
      this.deps.refresher.refreshNow();
      const image = answer.params.DOCKER_IMAGE ?? launchInputs(pf).find((io) => io.name === 'DOCKER_IMAGE')?.default;
      if (image) await this.deps.images.remember(project.project, kind, image);
      if (resized && answer.size) await this.deps.sizes.remember(project.project, kind, answer.size);
      return await followRun(this.deps, conn, { ...project, uuid: created.uuid }, created, label, args.open, source.file);
    } finally {
      release();
    }
  }
}
