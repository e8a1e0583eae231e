import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { experimentAt, experiments, shellQuote, splitCommand } from './experiments';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const { program, args } = splitCommand(
    vscode.workspace.getConfiguration('bregman').get<string>('server.command', 'bregman lsp'));
  const serverOptions: ServerOptions = { command: program, args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'potential' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.potential') },
  };
  client = new LanguageClient('bregman', 'Bregman language server', serverOptions, clientOptions);
  context.subscriptions.push(vscode.commands.registerCommand('bregman.runExperiment', runExperiment));
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(
      `Bregman: could not start the language server '${program} ${args.join(' ')}' ` +
        `(set bregman.server.command): ${e instanceof Error ? e.message : e}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Runs `bregman run FILE --experiment NAME` in a terminal, for the experiment under the caret. */
async function runExperiment(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'potential') {
    vscode.window.showInformationMessage('Bregman: open a .potential file to run one of its experiments.');
    return;
  }
  const doc = editor.document;
  const text = doc.getText();
  let name = experimentAt(text, doc.offsetAt(editor.selection.active));
  if (!name) {
    const names = experiments(text).map((b) => b.name);
    if (names.length === 0) {
      vscode.window.showInformationMessage('Bregman: this file has no experiment.');
      return;
    }
    name = await vscode.window.showQuickPick(names, { placeHolder: 'Experiment to run' });
    if (!name) return;
  }
  if (doc.isDirty) await doc.save();
  const bregman = vscode.workspace.getConfiguration('bregman').get<string>('command', 'bregman');
  const terminal = vscode.window.createTerminal({ name: `Bregman: ${name}` });
  terminal.show();
  terminal.sendText(`${bregman} run ${shellQuote(doc.uri.fsPath)} --experiment ${shellQuote(name)}`);
}
