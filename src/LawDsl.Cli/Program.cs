return LawDsl.Cli.LawCommand.Run(args, Console.Out, Console.Error);
