-- Neovim (0.7+, built-in LSP client) as a real editor of a report:
-- opens it, waits for the server's diagnostics, asks for completion and
-- hover, applies the "did you mean" code action, reads a chapter's code
-- lens, and writes what it saw
-- to $TF_OUT, one `key=value` a line. Run by tests/it/editors.rs:
--   nvim --headless -u NONE -i NONE -n -c "luafile tests/editors/nvim.lua"
local bin, root, file, out = os.getenv("TF_BIN"), os.getenv("TF_ROOT"), os.getenv("TF_FILE"), os.getenv("TF_OUT")
local seen = {}
local function say(key, value) table.insert(seen, key .. "=" .. tostring(value)) end
local function finish() vim.fn.writefile(seen, out); vim.cmd("qa!") end

local ok, problem = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client = vim.lsp.start_client({ name = "technical-file", cmd = { bin, "lsp" }, root_dir = root })
  vim.lsp.buf_attach_client(buf, client)
  vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local unknown
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or d
    local first = d.message:gsub("\n.*", "")
    say("diagnostic", string.format("%s:%d:%d:%s", lsp.code, d.lnum, d.col, first))
    if lsp.code == "unknown-skill" then unknown = d end
  end
  -- The diagnostic as the client sends it back: in LSP form, as Neovim
  -- keeps it (without the server's `data`).
  for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(buf, unknown.lnum)) do
    if d.code == "unknown-skill" then unknown = { range = d.range, code = d.code, message = d.message, severity = d.severity } end
  end

  local uri = vim.uri_from_bufnr(buf)
  local function line_of(pattern)
    for n, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      local at = text:find(pattern, 1, true)
      -- LSP positions count UTF-16 units, not bytes (accents before it).
      if at then
        local _, utf16 = vim.str_utfindex(text, at - 1)
        return n - 1, utf16
      end
    end
  end
  local function ask(method, params)
    local answers = vim.lsp.buf_request_sync(buf, method, params, 20000) or {}
    for _, answer in pairs(answers) do return answer.result end
  end

  -- Completion right after `{{#skill ` on the line the test wrote.
  local line, col = line_of("{{#skill }}")
  local items = ask("textDocument/completion", { textDocument = { uri = uri }, position = { line = line, character = col + 9 } })
  say("completion", #(items or {}))
  say("first", items and items[1] and items[1].label)

  -- Hover on a skill id.
  line, col = line_of("{{#skill C2.1}}")
  local hover = ask("textDocument/hover", { textDocument = { uri = uri }, position = { line = line, character = col + 10 } })
  say("hover", hover and hover.contents.value:gsub("\n.*", ""))

  -- The code action for the unknown skill, applied as Neovim applies it.
  local actions = ask("textDocument/codeAction", {
    textDocument = { uri = uri },
    range = unknown.range,
    context = { diagnostics = { unknown } },
  })
  say("action", actions and actions[1] and actions[1].title)
  vim.lsp.util.apply_workspace_edit(actions[1].edit, "utf-16")
  line = line_of("{{#skill observability}}")
  say("applied", line ~= nil)
  say("line", vim.api.nvim_buf_get_lines(buf, unknown.range.start.line, unknown.range.start.line + 1, false)[1])
  -- After the edit, the server's diagnostics no longer have it.
  vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = d.user_data and d.user_data.lsp or d
      if lsp.code == "unknown-skill" then return false end
    end
    return true
  end, 50)
  local left = 0
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or d
    if lsp.code == "unknown-skill" then left = left + 1 end
  end
  say("unknown_after", left)

  -- A hand-written chapter ($TF_CHAPTER): its code lens, the chapter's
  -- share of the page budget.
  local chapter = os.getenv("TF_CHAPTER")
  if chapter then
    vim.o.hidden = true
    vim.cmd("edit " .. vim.fn.fnameescape(chapter))
    local chapter_buf = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(chapter_buf, client)
    local answers = vim.lsp.buf_request_sync(chapter_buf, "textDocument/codeLens",
      { textDocument = { uri = vim.uri_from_bufnr(chapter_buf) } }, 20000) or {}
    for _, answer in pairs(answers) do
      local lens = answer.result and answer.result[1]
      say("chapter_lens", lens and lens.command and lens.command.title)
    end
  end
end)
if not ok then say("error", problem) end
finish()
