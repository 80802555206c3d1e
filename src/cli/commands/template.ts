/** `atlas template`: the blank spreadsheet template (src/formats/sheets/template.ts), written atomically. */
import type { Command } from "commander";
import { templateWorkbook } from "../../formats/sheets/template.ts";
import { today } from "../../model/dates.ts";
import { writeFileAtomically } from "../atomic-write.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";

export function registerTemplate(program: Command, io: CliIo): void {
  program
    .command("template")
    .description(
      "write a blank spreadsheet template: README, entities, relations and sources sheets with an example row each, and a sheet explaining every column",
    )
    .option("--out <file>", "the workbook to write (.xlsx)")
    .addHelpText(
      "after",
      `
Fill it in (Excel, LibreOffice, Google Sheets), then: atlas import FILE.xlsx --out data/
Example:
  $ npm run atlas -- template --out my-dataset.xlsx`,
    )
    .action(async (options: { out?: string }) => {
      if (options.out === undefined) throw new CliError("give --out FILE.xlsx: a workbook is a binary file", EXIT.usage);
      const bytes = await templateWorkbook(today());
      const out = options.out;
      writeFileAtomically(out, (write) => write(bytes));
      io.stderr(`wrote ${out} (the spreadsheet template: fill in the sheets, then atlas import ${out})\n`);
    });
}
