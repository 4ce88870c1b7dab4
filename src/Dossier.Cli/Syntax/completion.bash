# bash completion for dossier: eval "$(dossier completion bash)" (e.g. in ~/.bashrc).
# dossier completes itself: System.CommandLine's [suggest:POSITION] directive lists what may follow at the cursor
# (commands, options, and the values an option accepts).
_dossier_complete()
{
    local IFS=$'\n'
    local candidates
    candidates=$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
    COMPREPLY=( $(compgen -W "${candidates}" -- "${COMP_WORDS[COMP_CWORD]}") )
}
complete -o default -F _dossier_complete dossier
