-- Headless Neovim as a real LSP client of the cable language server.
-- Run through scripts/editor/run-nvim-test.sh (npm run test:nvim), or directly:
--   CABLE_LS=bin/cable-language-server.js nvim --headless -n -i NONE -u test/nvim/lsp-test.lua examples/seed.cable
-- Works with Debian's Neovim 0.7 (vim.lsp.start_client + buf_attach_client; vim.lsp.start is 0.8+).
-- Starts `node $CABLE_LS --stdio`, opens the file, waits up to $CABLE_NVIM_TIMEOUT_MS (default 15000) for
-- textDocument/publishDiagnostics for it, prints what arrived, ends with `N passed, N failed`, and
-- exits non-zero when a check failed (no diagnostics notification, server exited, ...). On the seed cable it
-- also checks the RU warning, that there is no error, and the hovers on PBTS and the DECL date.

-- In headless mode print() goes to stderr without newlines: write whole lines to stdout instead.
local function out(...)
  io.stdout:write(table.concat(vim.tbl_map(tostring, { ... }), ' ') .. '\n')
end
local passes, failures = 0, 0
local function check(name, ok, detail)
  if ok then passes = passes + 1 else failures = failures + 1 end
  out((ok and 'PASS ' or 'FAIL ') .. name .. (detail and (': ' .. detail) or ''))
  return ok
end
local function finish()
  out(string.format('%d passed, %d failed', passes, failures))
  io.stdout:flush()
  if failures == 0 then vim.cmd('qall!') else vim.cmd('cquit! 1') end
end
local function elapsed(t0) return string.format('%.0f ms', (vim.loop.hrtime() - t0) / 1e6) end

local file = vim.fn.argv(0)
local server = os.getenv('CABLE_LS') or 'bin/cable-language-server.js'
local timeout = tonumber(os.getenv('CABLE_NVIM_TIMEOUT_MS') or '') or 15000
if file == nil or file == '' then out('usage: nvim --headless -u lsp-test.lua <file.cable>'); vim.cmd('cquit! 2') end

vim.cmd('autocmd BufRead,BufNewFile *.cable,*.tel setfiletype cable')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)
check('filetype', vim.bo[bufnr].filetype == 'cable', vim.bo[bufnr].filetype)

local received = {} -- publishDiagnostics params for this buffer, in order
local exited = nil  -- { code, signal } once the server process is gone
local t0 = vim.loop.hrtime()
local ok, client_id = pcall(vim.lsp.start_client, {
  name = 'cable-language-server',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri == uri then table.insert(received, result) end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
  on_exit = function(code, signal) exited = { code = code, signal = signal } end,
})
if not check('client started', ok and client_id ~= nil, 'node ' .. server .. ' --stdio' .. (ok and '' or (': ' .. tostring(client_id)))) then
  return finish()
end
vim.lsp.buf_attach_client(bufnr, client_id)

vim.wait(timeout, function() return #received > 0 or exited ~= nil end, 50)
if #received > 0 then
  local diags = received[#received].diagnostics or {}
  check('publishDiagnostics received', true, string.format('%d notification(s), last with %d diagnostic(s), after %s', #received, #diags, elapsed(t0)))
  for _, d in ipairs(diags) do
    out(string.format('  %d:%d-%d:%d severity=%s [%s%s] %s', d.range.start.line + 1, d.range.start.character + 1,
      d.range['end'].line + 1, d.range['end'].character + 1, tostring(d.severity), d.source or '?',
      d.code and ('/' .. tostring(d.code)) or '', (d.message or ''):gsub('\n', ' ')))
  end
elseif exited then
  check('publishDiagnostics received', false, string.format(
    'the language server exited (code %s, signal %s) after %s without publishing diagnostics for %s',
    tostring(exited.code), tostring(exited.signal), elapsed(t0), file))
else
  local client = vim.lsp.get_client_by_id(client_id)
  check('publishDiagnostics received', false, string.format('nothing within %d ms (server %s)', timeout,
    (client and client.initialized) and 'initialized but silent' or 'never finished initialize'))
end

-- The seed cable: its one warning (RU on the TAGS line, tag-iso-code), no error, and hovers that explain
-- the PBTS tag and the DECL date. Other files get only the generic checks above.
local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
--- 0-based line and UTF-16 column of the first `needle` (plain find) plus `delta`, or nil.
local function find(needle, delta)
  for i, l in ipairs(lines) do
    local c = l:find(needle, 1, true)
    if c then return i - 1, c - 1 + (delta or 0) end
  end
end
local function hover(line, col)
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = { line = line, character = col } }, 5000)
  local r = res and res[client_id]
  if not r then return nil, 'no answer within 5000 ms' end
  if r.err then return nil, 'error: ' .. tostring(r.err.message or r.err) end
  local c = r.result and r.result.contents
  if type(c) == 'table' and c.value then return c.value end
  return nil, 'no hover (' .. vim.inspect(r.result) .. ')'
end

if vim.fn.fnamemodify(file, ':t') == 'seed.cable' and #received > 0 then
  local diags = received[#received].diagnostics or {}
  local tl, tc = find('[RU]', 1)
  local ru, errors = nil, {}
  for _, d in ipairs(diags) do
    if d.code == 'tag-iso-code' then ru = d end
    if d.severity == 1 then table.insert(errors, tostring(d.code)) end
  end
  check('seed: the RU warning (tag-iso-code)', ru ~= nil and ru.severity == 2 and tl ~= nil
    and ru.range.start.line == tl and ru.range.start.character == tc
    and ru.range['end'].line == tl and ru.range['end'].character == tc + 2
    and (ru.message or ''):find('RS', 1, true) ~= nil,
    ru and string.format('%d:%d-%d:%d severity %s: %s', ru.range.start.line + 1, ru.range.start.character + 1,
      ru.range['end'].line + 1, ru.range['end'].character + 1, tostring(ru.severity), ru.message) or 'missing')
  check('seed: no error-level diagnostic', #errors == 0, #errors > 0 and table.concat(errors, ', ') or nil)

  local hl, hc = find('[PBTS]', 2)
  local text, why = hover(hl, hc)
  check('seed: hover on PBTS names the tag', text ~= nil and text:find('National Boundaries, Territories and Sovereignty', 1, true) ~= nil,
    text and text:gsub('%s+', ' '):sub(1, 120) or why)
  local dl, dc = find('02/15/2018', 3)
  text, why = hover(dl, dc)
  check('seed: hover on the DECL date', text ~= nil and text:find('15 February 2018', 1, true) ~= nil
    and text:find('10 years after', 1, true) ~= nil, text and text:gsub('%s+', ' '):sub(1, 120) or why)
end

if not exited then
  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return exited ~= nil end, 50)
  if not exited then vim.lsp.stop_client(client_id, true) end
end
finish()
