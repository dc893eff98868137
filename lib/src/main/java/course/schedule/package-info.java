/**
 * Learning-rate schedules: pure functions of the step, one small class per schedule, each
 * following one framework's definition (named in its Javadoc) with that framework's defaults.
 *
 * <p><b>Steps.</b> The step is the 0-based count of scheduler steps: step 0 is the learning rate
 * of the first optimizer step. Where PyTorch steps its scheduler once per epoch, the step is the
 * epoch count; Keras counts optimizer iterations (its {@code optimizer.iterations}, also from 0).
 * The value at step k is the one PyTorch shows in {@code optimizer.param_groups[0]["lr"]} after k
 * calls of {@code scheduler.step()}, and the one Keras computes as {@code schedule(k)}.
 *
 * <table>
 * <caption>Which definition each class follows</caption>
 * <tr><th>class</th><th>definition</th></tr>
 * <tr><td>{@link course.schedule.ConstantSchedule}</td><td>a fixed learning rate (all three)</td></tr>
 * <tr><td>{@link course.schedule.LinearDecay}</td><td>textbook, Deep Learning §8.3.1</td></tr>
 * <tr><td>{@link course.schedule.StepDecay}</td><td>PyTorch {@code StepLR}</td></tr>
 * <tr><td>{@link course.schedule.MultiStepDecay}</td><td>PyTorch {@code MultiStepLR}</td></tr>
 * <tr><td>{@link course.schedule.ExponentialDecay}</td><td>PyTorch {@code ExponentialLR}; Keras {@code ExponentialDecay}</td></tr>
 * <tr><td>{@link course.schedule.InverseTimeDecay}</td><td>Keras {@code InverseTimeDecay}</td></tr>
 * <tr><td>{@link course.schedule.PolynomialDecay}</td><td>PyTorch {@code PolynomialLR}; Keras {@code PolynomialDecay}</td></tr>
 * <tr><td>{@link course.schedule.CosineAnnealing}</td><td>PyTorch {@code CosineAnnealingLR}</td></tr>
 * <tr><td>{@link course.schedule.CosineDecay}</td><td>Keras {@code CosineDecay}</td></tr>
 * <tr><td>{@link course.schedule.CosineWarmRestarts}</td><td>PyTorch {@code CosineAnnealingWarmRestarts}</td></tr>
 * <tr><td>{@link course.schedule.CosineDecayRestarts}</td><td>Keras {@code CosineDecayRestarts} (SGDR with m_mul and a fractional floor)</td></tr>
 * <tr><td>{@link course.schedule.PiecewiseConstantDecay}</td><td>Keras {@code PiecewiseConstantDecay}</td></tr>
 * <tr><td>{@link course.schedule.LinearWarmup}</td><td>PyTorch {@code LinearLR}, alone or composed as {@code ChainedScheduler} / {@code SequentialLR} do</td></tr>
 * <tr><td>{@link course.schedule.ConstantWarmup}</td><td>PyTorch {@code ConstantLR}</td></tr>
 * <tr><td>{@link course.schedule.MultiplicativeDecay}</td><td>PyTorch {@code MultiplicativeLR}</td></tr>
 * <tr><td>{@link course.schedule.Cyclic}</td><td>PyTorch {@code CyclicLR}, with its momentum cycling</td></tr>
 * <tr><td>{@link course.schedule.OneCycle}</td><td>PyTorch {@code OneCycleLR}, with its momentum cycling</td></tr>
 * <tr><td>{@link course.schedule.ReduceLROnPlateau}</td><td>PyTorch {@code ReduceLROnPlateau} (the one schedule with state)</td></tr>
 * </table>
 *
 * <p>{@link course.schedule.LearningRateSchedule#applyTo} sets a schedule's value on an optimizer
 * before a step; {@link course.schedule.RobbinsMonro} checks the Robbins–Monro conditions
 * Σε_k = ∞, Σε_k² &lt; ∞ numerically. PyTorch implements most schedulers in a "chainable" form
 * that multiplies the previous learning rate by a ratio; the classes here use the closed forms,
 * which agree with it (checked against PyTorch 2.15 to 1e-10 relative) while only one scheduler
 * sets the learning rate.
 */
package course.schedule;
