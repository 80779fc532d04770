// Starts `mdbook-technical-file lsp` for the Markdown files of a workspace
// that holds a book.toml; everything else is the language server's.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("mdbookTechnicalFile").get("path");
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "mdbookTechnicalFile",
    "mdbook-technical-file",
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: "file", language: "markdown" }, { scheme: "file", pattern: "**/book.toml" }],
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
