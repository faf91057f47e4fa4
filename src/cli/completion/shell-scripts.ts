// The completion scripts `kindling completion bash|zsh|fish` prints. Each knows nothing of kindling's commands:
// it calls back `kindling __complete -- WORDS...` (as kubectl's cobra scripts do), which prints one candidate per
// line (`value<TAB>description`) and, last, `:files` (complete file names instead) or `:words`.

/** The shells a script exists for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
/** One of SHELLS. */
export type Shell = (typeof SHELLS)[number];

// bash 3.2 (macOS) and later: no mapfile, no negative indices. The words from COMP_WORDS[1] to the cursor go
// to kindling; when bash split `--flag=value` at `=`, the candidates lose the `--flag=` it already shows.
const bash = `# bash completion for kindling. Load it now: source <(kindling completion bash)
# or for every shell: kindling completion bash > ~/.local/share/bash-completion/completions/kindling
_kindling_completions() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" out directive line
  [[ $COMP_CWORD -gt 0 ]] && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  out=$("\${COMP_WORDS[0]}" __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  if [[ $out == *$'\\n'* ]]; then
    directive="\${out##*$'\\n'}"
    out="\${out%$'\\n'*}"
  else
    directive="$out"
    out=""
  fi
  if [[ $directive == ":files" ]]; then
    [[ $cur == "=" ]] && cur=""
    compopt -o filenames 2>/dev/null
    while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$cur")
    return 0
  fi
  while IFS= read -r line; do
    line="\${line%%$'\\t'*}"
    [[ -z $line ]] && continue
    [[ $cur == "=" || $prev == "=" ]] && line="\${line#*=}"
    COMPREPLY+=("$line")
  done <<<"$out"
}
complete -F _kindling_completions kindling
`;

const zsh = `#compdef kindling
# zsh completion for kindling. Load it now: source <(kindling completion zsh)
# or for every shell: kindling completion zsh > "\${fpath[1]}/_kindling" (then start a new shell)
_kindling() {
  local out directive line value
  local -a lines candidates
  out=$("\${words[1]}" __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null) || return 1
  lines=("\${(@f)out}")
  directive="\${lines[-1]}"
  lines[-1]=()
  if [[ $directive == ":files" ]]; then
    _files
    return
  fi
  for line in "\${lines[@]}"; do
    [[ -z $line ]] && continue
    value="\${line%%$'\\t'*}"
    value=\${value//:/\\\\:}
    if [[ $line == *$'\\t'* ]]; then candidates+=("\${value}:\${line#*$'\\t'}"); else candidates+=("$value"); fi
  done
  _describe -t kindling kindling candidates
}
if [[ "\${funcstack[1]}" == "_kindling" ]]; then
  _kindling "$@"
else
  compdef _kindling kindling
fi
`;

// fish splits nothing at `=` and shows the descriptions after the tab itself.
const fish = `# fish completion for kindling. Load it now: kindling completion fish | source
# or for every shell: kindling completion fish > ~/.config/fish/completions/kindling.fish
function __kindling_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l program $words[1]
    set -e words[1]
    set -l out ($program __complete -- $words "$current" 2>/dev/null)
    or return
    set -l directive $out[-1]
    set -e out[-1]
    if test "$directive" = ":files"
        __fish_complete_path "$current"
        return
    end
    printf '%s\\n' $out
end
complete -c kindling -f -a '(__kindling_complete)'
`;

/** The completion script for `shell`. */
export function completionScript(shell: Shell): string {
  return { bash, zsh, fish }[shell];
}
