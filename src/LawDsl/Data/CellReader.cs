using System.Globalization;

namespace LawDsl.Data;

/// <summary>What a cell of a run table must hold.</summary>
internal enum CellRule
{
    /// <summary>A mixture weight in [0, 1]; never empty.</summary>
    Weight,

    /// <summary>A positive loss; empty means missing (NaN).</summary>
    Loss,

    /// <summary>A positive, finite scale (N or D); never empty.</summary>
    Scale,

    /// <summary>Any finite number; never empty.</summary>
    Finite,

    /// <summary>A metric that is fitted, any finite value (an empty cell is missing).</summary>
    Metric,

    /// <summary>A covariate or domain feature a law declares [Positive]: positive and finite; never empty.</summary>
    Positive,
}

/// <summary>Parses the cells of one line, recording a located problem for each bad one.</summary>
internal readonly struct CellReader(string[] cells, string source, int line, string[] header, List<RunDataProblem> problems)
{
    public double Number(int column, CellRule rule)
    {
        var text = cells[column];
        if (text.Length == 0)
        {
            if (rule is CellRule.Loss or CellRule.Metric)
            {
                return double.NaN;
            }

            return Problem(column, text, "The cell is empty.");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return Problem(column, text, "The cell is not a number (use '.' as the decimal separator).");
        }

        if (!double.IsFinite(value))
        {
            return Problem(column, text, rule == CellRule.Loss ? "The loss is not finite; leave the cell empty for a missing loss." : "The value is not finite.");
        }

        return rule switch
        {
            CellRule.Weight when value is < 0 or > 1 => Problem(column, text, "A mixture weight must lie in [0, 1]."),
            CellRule.Loss when value <= 0 => Problem(column, text, "A loss must be positive."),
            CellRule.Scale when value <= 0 => Problem(column, text, "A model size or token count must be positive."),
            CellRule.Positive when value <= 0 => Problem(column, text, "The value must be positive: the law declares this input [Positive]."),
            _ => value,
        };
    }

    /// <summary>A model size or token count in the law's units: the cell divided by <paramref name="unit"/>, still positive and finite.</summary>
    public double Scale(int column, double unit, string unitOption)
    {
        var value = Number(column, CellRule.Scale);
        var scaled = value / unit;
        return double.IsNaN(value) || (scaled > 0 && double.IsFinite(scaled))
            ? scaled
            : Problem(column, cells[column], string.Create(CultureInfo.InvariantCulture, $"Divided by {unitOption} = {unit:R} the value is {scaled:R}, not a positive finite number; check the cell and the unit."));
    }

    private double Problem(int column, string text, string message)
    {
        problems.Add(new RunDataProblem(source, line, header[column], text, message));
        return double.NaN;
    }
}
