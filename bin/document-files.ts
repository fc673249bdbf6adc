// Which files are plc documents, in one place: plc check discovers them by it, and the pre-commit
// hooks (.pre-commit-hooks.yaml, and the one plc init writes) run on changes to them.
export const documentFile = /\.(pipeline|step)\.ya?ml$/;
export const stepFile = /\.step\.ya?ml$/;
