-- Drives Stagesmith from a real, headless Neovim: waits for diagnostics, then asks for completion and
-- hover at given positions, and writes what it got as JSON. Environment: OUT (result file), LSP_CMD
-- (server command line, space-separated), COMPLETE_LINE/COMPLETE_COL and HOVER_LINE/HOVER_COL (0-based).
local out = os.getenv('OUT')
local cmd = vim.split(os.getenv('LSP_CMD'), ' ', { trimempty = true })
local diagnostics = nil

local function finish(result, code)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(code == 0 and 'qa!' or ('cquit ' .. code))
end

vim.defer_fn(function() finish({ error = 'timeout', diagnostics = diagnostics }, 3) end, 50000)

local function position(prefix)
  return { line = tonumber(os.getenv(prefix .. '_LINE')), character = tonumber(os.getenv(prefix .. '_COL')) }
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'dockerfile'
  local id = vim.lsp.start_client({
    name = 'stagesmith',
    cmd = cmd,
    root_dir = vim.fn.getcwd(),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        if result and #result.diagnostics > 0 then diagnostics = result.diagnostics end
      end,
    },
  })
  if not id then return finish({ error = 'the server did not start' }, 2) end
  vim.lsp.buf_attach_client(buf, id)
  local ready = vim.wait(30000, function()
    local c = vim.lsp.get_client_by_id(id)
    return c ~= nil and c.initialized
  end, 20)
  if not ready then return finish({ error = 'not initialized' }, 4) end
  if not vim.wait(20000, function() return diagnostics ~= nil end, 20) then
    return finish({ error = 'no diagnostics' }, 5)
  end
  local client = vim.lsp.get_client_by_id(id)
  local doc = { uri = vim.uri_from_bufnr(buf) }
  local completion = client.request_sync('textDocument/completion',
    { textDocument = doc, position = position('COMPLETE'), context = { triggerKind = 2, triggerCharacter = '=' } },
    20000, buf)
  local hover = client.request_sync('textDocument/hover', { textDocument = doc, position = position('HOVER') },
    20000, buf)
  local items = completion and completion.result and (completion.result.items or completion.result) or {}
  local labels = {}
  for _, item in ipairs(items) do table.insert(labels, item.label) end
  finish({
    diagnostics = diagnostics,
    labels = labels,
    completionError = completion and completion.err,
    hover = hover and hover.result,
  }, 0)
end })
