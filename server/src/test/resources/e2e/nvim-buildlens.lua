-- Drives "Build to stage" from a real, headless Neovim: asks for the code lenses (vim.lsp.codelens, which
-- resolves them), puts the cursor on the FROM of stage LENS_STAGE and runs its lens with
-- vim.lsp.codelens.run(), the way a user does, then writes the lens titles and the command's result as JSON.
-- Environment: OUT (result file), LSP_CMD (server command line, space-separated), LENS_LINE (1-based line of
-- that FROM).
local out = os.getenv('OUT')
local cmd = vim.split(os.getenv('LSP_CMD'), ' ', { trimempty = true })
local result = nil
local err = nil

local function finish(value, code)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(value))
  f:close()
  vim.cmd(code == 0 and 'qa!' or ('cquit ' .. code))
end

vim.defer_fn(function() finish({ error = 'timeout', result = result }, 3) end, 80000)

vim.lsp.handlers['workspace/executeCommand'] = function(e, r)
  err = e
  result = r or vim.NIL
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'dockerfile'
  local id = vim.lsp.start_client({ name = 'stagesmith', cmd = cmd, root_dir = vim.fn.getcwd() })
  if not id then return finish({ error = 'the server did not start' }, 2) end
  vim.lsp.buf_attach_client(buf, id)
  local ready = vim.wait(30000, function()
    local c = vim.lsp.get_client_by_id(id)
    return c ~= nil and c.initialized
  end, 20)
  if not ready then return finish({ error = 'not initialized' }, 4) end

  vim.lsp.codelens.refresh()
  local resolved = vim.wait(20000, function()
    local lenses = vim.lsp.codelens.get(buf)
    if #lenses == 0 then return false end
    for _, l in ipairs(lenses) do
      if not l.command then return false end
    end
    return true
  end, 50)
  local titles = {}
  for _, l in ipairs(vim.lsp.codelens.get(buf)) do
    table.insert(titles, { line = l.range.start.line, title = l.command and l.command.title })
  end
  if not resolved then return finish({ error = 'lenses not resolved', lenses = titles }, 5) end

  vim.api.nvim_win_set_cursor(0, { tonumber(os.getenv('LENS_LINE')), 0 })
  vim.lsp.codelens.run()
  if not vim.wait(60000, function() return result ~= nil or err ~= nil end, 50) then
    return finish({ error = 'no build result', lenses = titles }, 6)
  end
  finish({ lenses = titles, result = result, err = err }, 0)
end })
