namespace LawDsl.Mixtures;

/// <summary>
/// The objective and its gradient in h, from the law's generated mixture gradient. Each output enters as its
/// <em>badness</em>, the prediction times its sense (−1 where higher is better), so minimizing always means improving;
/// the prior's divergence, when the objective has one, is added with its strength.
/// </summary>
internal sealed class MixtureEvaluator<TLaw>
    where TLaw : IMixingLaw<TLaw>
{
    private readonly double[] _parameters;
    private readonly int _domains;
    private readonly int _outputs;
    private readonly double[] _senses;
    private readonly ScalePoint _scale;
    private readonly MixtureObjective _objective;
    private readonly double[] _losses;
    private readonly double[] _badness;
    private readonly double[] _jacobian;
    private readonly double[] _weights;

    /// <param name="parameters">The law's parameters.</param>
    /// <param name="domains">Training domains K (the mixture's length).</param>
    /// <param name="senses">Per output: +1 where lower is better, −1 where higher is better.</param>
    /// <param name="scale">Where the losses are predicted.</param>
    /// <param name="objective">What is minimized.</param>
    public MixtureEvaluator(double[] parameters, int domains, double[] senses, ScalePoint scale, MixtureObjective objective)
    {
        _parameters = parameters;
        _domains = domains;
        _outputs = senses.Length;
        _senses = senses;
        _scale = scale;
        _objective = objective;
        _losses = new double[_outputs];
        _badness = new double[_outputs];
        _jacobian = new double[_outputs * domains];
        _weights = new double[_outputs];
        objective.Prior?.Check(domains);
    }

    /// <summary>The objective (smoothed with log-sum-exp at temperature mu for the worst case, mu &gt; 0) and its gradient.</summary>
    public double Smooth(double[] h, double[] gradient, double mu)
    {
        Predict(h);
        double value;
        if (_objective.IsWorstCase)
        {
            var max = _badness.Max();
            var sum = 0.0;
            for (var i = 0; i < _outputs; i++)
            {
                _weights[i] = Math.Exp((_badness[i] - max) / mu);
                sum += _weights[i];
            }

            for (var i = 0; i < _outputs; i++)
            {
                _weights[i] /= sum;
            }

            value = max + (mu * Math.Log(sum));
        }
        else
        {
            value = 0;
            for (var i = 0; i < _outputs; i++)
            {
                _weights[i] = _objective.WeightOf(i, _outputs);
                value += _weights[i] * _badness[i];
            }
        }

        for (var j = 0; j < _domains; j++)
        {
            var g = 0.0;
            for (var i = 0; i < _outputs; i++)
            {
                g += _weights[i] * _senses[i] * _jacobian[(i * _domains) + j];
            }

            gradient[j] = g;
        }

        return value + (_objective.Prior?.AddPenalty(h, gradient) ?? 0);
    }

    /// <summary>The exact objective (the true maximum for the worst case), with the prior's penalty.</summary>
    public double Exact(double[] h) => Unregularized(h) + (_objective.Prior?.Penalty(h) ?? 0);

    /// <summary>The objective without the prior's penalty.</summary>
    public double Unregularized(double[] h)
    {
        Predict(h);
        return _objective.IsWorstCase ? _badness.Max() : Enumerable.Range(0, _outputs).Sum(i => _objective.WeightOf(i, _outputs) * _badness[i]);
    }

    /// <summary>Every output's prediction at <paramref name="h"/> (not negated).</summary>
    public double[] Losses(double[] h)
    {
        TLaw.MixtureGradient(_parameters, h, _scale, _losses, _jacobian);
        return (double[])_losses.Clone();
    }

    private void Predict(double[] h)
    {
        TLaw.MixtureGradient(_parameters, h, _scale, _losses, _jacobian);
        for (var i = 0; i < _outputs; i++)
        {
            _badness[i] = _senses[i] * _losses[i];
        }
    }
}
