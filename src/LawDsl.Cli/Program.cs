using System.Runtime.InteropServices;
using LawDsl.Cli;

// Ctrl+C and SIGTERM cancel the running fit instead of killing the process: the tool then prints and writes what
// finished and exits 130 (143 for SIGTERM).
using var cancellation = new CancellationTokenSource();
var terminated = false;
void Stop(PosixSignalContext context, bool term)
{
    context.Cancel = true;
    terminated |= term;
    cancellation.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, term: false));
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, term: true));
var code = LawCommand.Run(args, Console.Out, Console.Error, cancellation.Token, liveProgress: !Console.IsErrorRedirected);
return code == ExitCodes.Interrupted && terminated ? ExitCodes.Terminated : code;
